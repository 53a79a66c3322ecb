"""The Storage panel's transfers table: shown while it has rows, with live progress, Cancel and Clear finished."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
from vector_desktop.presentation.storage.transfers_model import TransferColumn, TransferRole
from vector_desktop.views.forms.ui_storage_panel import Ui_StoragePanel
from vector_desktop.views.jobs_panel import ProgressBarDelegate


class TransfersPane:
    def __init__(self, ui: Ui_StoragePanel, vm: StorageViewModel) -> None:
        self._ui = ui
        self._vm = vm
        table = ui.transfersTable
        table.setModel(vm.transfers)
        self.progress_delegate = ProgressBarDelegate(table)
        table.setItemDelegateForColumn(TransferColumn.PROGRESS, self.progress_delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TransferColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TransferColumn.PROGRESS, 160)

    def connect(self) -> None:
        ui = self._ui
        ui.cancelTransferButton.clicked.connect(self._cancel_selected)
        ui.clearTransfersButton.clicked.connect(self._vm.clear_finished_transfers)
        ui.transfersTable.selectionModel().selectionChanged.connect(self._update_buttons)
        transfers = self._vm.transfers
        transfers.rowsInserted.connect(self._changed)
        transfers.rowsRemoved.connect(self._changed)
        transfers.dataChanged.connect(self._update_buttons)

    def _changed(self, *_args: object) -> None:
        count = self._vm.transfers.rowCount()
        self._ui.transfersPane.setVisible(count > 0)
        if count:
            self._ui.transfersTable.scrollToBottom()
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        rows = {index.row() for index in self._ui.transfersTable.selectionModel().selectedIndexes()}
        transfers = [self._vm.transfers.index(row, 0).data(TransferRole) for row in sorted(rows)]
        return [transfer.job_id for transfer in transfers if transfer is not None]

    def _update_buttons(self, *_args: object) -> None:
        transfers = self._vm.transfers
        self._ui.cancelTransferButton.setEnabled(any(transfers.can_cancel(i) for i in self.selected_ids()))
        self._ui.clearTransfersButton.setEnabled(any(t.finished for t in transfers.transfers()))

    def _cancel_selected(self) -> None:
        for job_id in self.selected_ids():
            if self._vm.transfers.can_cancel(job_id):
                self._vm.cancel_transfer(job_id)
