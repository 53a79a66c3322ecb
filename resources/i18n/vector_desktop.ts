<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../vector_desktop/presentation/storage/preview.py" line="49"/>
        <source>This image is too large to preview; download it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/preview.py" line="61"/>
        <source>Only the first 256 KB are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/preview.py" line="63"/>
        <source>No preview for this kind of file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/settings_tester.py" line="69"/>
        <source>R2 is not set up (%1 missing), so files are kept in the local folder. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_texts.py" line="40"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_texts.py" line="40"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_texts.py" line="43"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_texts.py" line="43"/>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_texts.py" line="45"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_viewmodel.py" line="117"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_viewmodel.py" line="245"/>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_viewmodel.py" line="247"/>
        <source>Deleted %1 items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_viewmodel.py" line="262"/>
        <source>Renamed to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_viewmodel.py" line="290"/>
        <source>Copied the file&apos;s location (the local folder has no web links).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/storage_viewmodel.py" line="293"/>
        <source>Link copied; it works for %1 and cannot be revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="90"/>
        <source>Something went wrong in storage; the log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="109"/>
        <source>Nothing was uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="113"/>
        <source>Nothing was uploaded: every item is there already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="126"/>
        <source>Some items were not uploaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="132"/>
        <source>Uploading %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="134"/>
        <source>Uploading %1 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="155"/>
        <source>Upload %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="178"/>
        <source>Some items were not downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="186"/>
        <source>Nothing was downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="204"/>
        <source>Download %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="243"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="246"/>
        <source>Upload of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="246"/>
        <source>Download of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="265"/>
        <source>An upload was interrupted: %1. Resume it, or discard the part already sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="269"/>
        <source>%1 uploads were interrupted: %2. Resume them, or discard the parts already sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="291"/>
        <source>Cannot resume %1: the file is no longer on this computer. Discard it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_actions.py" line="306"/>
        <source>Interrupted uploads discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_plan.py" line="37"/>
        <source>%1: links to folders are not uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/transfer_plan.py" line="55"/>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_tool_rows.py" line="22"/>
        <source>MessageDelegate</source>
        <comment>Stop</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_tool_rows.py" line="23"/>
        <source>MessageDelegate</source>
        <comment>Retry</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_editors.py" line="141"/>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_editors.py" line="142"/>
        <source>%1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="340"/>
        <source>Not valid JSON at line %1, column %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AIServersDialog</name>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="14"/>
        <location filename="../../ui/ai_servers_dialog.ui" line="17"/>
        <location filename="../../ui/ai_servers_dialog.ui" line="36"/>
        <source>AI servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="23"/>
        <source>About AI servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="26"/>
        <source>Servers on this computer or your network that speak the OpenAI API, such as Ollama, LM Studio, llama.cpp or vLLM. Their models appear in the chat&apos;s model picker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="64"/>
        <source>No servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="67"/>
        <source>No servers yet. Click Add and pick a preset to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="79"/>
        <source>Add a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="82"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="89"/>
        <source>Remove the selected server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="92"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="112"/>
        <source>Check whether the servers can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="115"/>
        <source>Check r&amp;eachability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="124"/>
        <source>Server details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="127"/>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="124"/>
        <source>New server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="135"/>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="145"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="148"/>
        <source>Fill in the usual address of a well-known server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="155"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="165"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="171"/>
        <source>e.g. Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="178"/>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="188"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="198"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="210"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="216"/>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="129"/>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="149"/>
        <source>Optional; most local servers need none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="223"/>
        <source>Remove the saved API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="226"/>
        <source>Remove the saved &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="235"/>
        <source>Use this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="238"/>
        <source>When unchecked, the server is kept in the list but its models leave the model picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="241"/>
        <source>U&amp;se this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="253"/>
        <source>Problem with the server details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="268"/>
        <source>Test the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="271"/>
        <source>Ask the server for its models with the address and key above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="274"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="294"/>
        <source>Save the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="297"/>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="306"/>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="319"/>
        <source>Models the server offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="335"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="54"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="141"/>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="147"/>
        <source>A key is saved in the keychain; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="204"/>
        <source>Remove server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="205"/>
        <source>Remove the server “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="210"/>
        <source>Its saved API key is deleted from the keychain and its models leave the model picker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="213"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="255"/>
        <source>Asking the server for its models…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../vector_desktop/views/account/account_button.py" line="77"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/account_button.py" line="95"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/account_button.py" line="95"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/account_button.py" line="96"/>
        <location filename="../../vector_desktop/views/account/account_button.py" line="97"/>
        <source>Sign in with Google</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/account_button.py" line="107"/>
        <source>Account: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="6"/>
        <source>Allow this tool call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="17"/>
        <source>Tool call approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="35"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="54"/>
        <source>Name the model uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="73"/>
        <source>What the server says about the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="92"/>
        <source>What the call will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="111"/>
        <source>Why you are asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="118"/>
        <source>Arguments (you can change them before allowing):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="125"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="158"/>
        <source>Why the arguments cannot be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="167"/>
        <source>Run this call now; the next one asks again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="170"/>
        <source>Allow once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="173"/>
        <source>Allow &amp;once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="180"/>
        <source>Run this tool without asking for the rest of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="183"/>
        <source>Allow in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="186"/>
        <source>Allow in this &amp;conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="193"/>
        <source>Run this tool without asking, anywhere, for one hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="196"/>
        <source>Allow for one hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="199"/>
        <source>Allow for 1 &amp;hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="206"/>
        <source>Run this tool without asking until you revoke it (Connectors, Permissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="209"/>
        <source>Always allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="212"/>
        <source>Al&amp;ways allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="232"/>
        <source>Do not run it; the model is told you did not allow it (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="235"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.ui" line="238"/>
        <source>&amp;Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="36"/>
        <source>Allow %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="39"/>
        <source>The model wants to run &lt;b&gt;%1&lt;/b&gt; from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="44"/>
        <source>Called by the model as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="48"/>
        <source>What the server declares about this tool: hints, not guarantees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="52"/>
        <source>You are asked because: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="95"/>
        <source>The JSON is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="97"/>
        <source>The arguments must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/approval_dialog.py" line="108"/>
        <source>Fix the arguments to allow the call: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrayEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="243"/>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="259"/>
        <source>Item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="261"/>
        <source>%1, item %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoolEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="172"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="172"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="173"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../ui/chat_panel.ui" line="66"/>
        <location filename="../../ui/chat_panel.ui" line="202"/>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="244"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="242"/>
        <source>No conversation yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="267"/>
        <source>Choose a model in the list above to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="269"/>
        <source>&lt;b&gt;%1&lt;/b&gt; will answer. It runs on this computer: private, free, and it works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="271"/>
        <source>&lt;b&gt;%1&lt;/b&gt; will answer. You can pick another model in the list above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="273"/>
        <source>Ask anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="273"/>
        <source>Start a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="277"/>
        <source>Ask a question, have a text explained or improved, or get help with code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_panel.py" line="282"/>
        <source>Write below and press &lt;b&gt;%1&lt;/b&gt; to send. Your conversations are kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="103"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="291"/>
        <source>Export conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="14"/>
        <location filename="../../ui/chat_panel.ui" line="17"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="42"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="50"/>
        <location filename="../../ui/chat_panel.ui" line="53"/>
        <source>Search conversations and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="63"/>
        <source>Start a new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="69"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="81"/>
        <source>Conversation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="100"/>
        <source>Message search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="110"/>
        <source>Messages found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="126"/>
        <source>Conversation deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="147"/>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="157"/>
        <source>Bring the deleted conversation back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="160"/>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="163"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="174"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="199"/>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="224"/>
        <source>Tokens and cost of this conversation. A figure with ~ is an estimate from the text (about 4 characters per token), for models that do not report what they used, such as the on-device model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="242"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="258"/>
        <source>The model that answers in this conversation (name · context size · price per million tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="261"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="271"/>
        <source>Conversation settings: system prompt, temperature, fallback models, JSON mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="274"/>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="277"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="288"/>
        <source>Export this conversation to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="294"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="416"/>
        <source>Chat notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="227"/>
        <source>Conversation totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="306"/>
        <source>Offline notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="309"/>
        <source>You are offline. Messages to online models wait in the outbox and are sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="342"/>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="371"/>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="400"/>
        <source>Chat error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="432"/>
        <source>Editing a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="447"/>
        <source>Editing your message: Send resends it, and what followed it is answered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="457"/>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="460"/>
        <source>Cancel edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="477"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="483"/>
        <source>Write a message… (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="493"/>
        <source>Attach an image (PNG, JPEG, GIF, WebP); it is stored in your Storage first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="496"/>
        <source>Attach image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="499"/>
        <source>&amp;Attach image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="506"/>
        <source>Attached images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="516"/>
        <source>Remove the attached images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="519"/>
        <source>Remove attached images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="533"/>
        <source>Which tools the model may use in this conversation: all, none, or the ones you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="536"/>
        <source>Tools for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="539"/>
        <source>T&amp;ools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="549"/>
        <source>How many tools are offered to the model, and the tokens their definitions add to each request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="552"/>
        <source>Tools offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="562"/>
        <source>Estimated size of the next request against the model&apos;s context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="565"/>
        <source>Context usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="588"/>
        <source>Stop the answer; the text so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="591"/>
        <source>Stop answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="594"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="605"/>
        <source>Send the message (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="608"/>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="611"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatToolsControls</name>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_tools_controls.py" line="66"/>
        <source>&amp;All tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_tools_controls.py" line="67"/>
        <source>&amp;No tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/chat_tools_controls.py" line="68"/>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="60"/>
        <source>Your choice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="35"/>
        <source>Send by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="39"/>
        <source>(not set: Settings → Email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="42"/>
        <source>name@example.com, another@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="45"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="46"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="47"/>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="51"/>
        <source>Message (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="55"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="57"/>
        <source>&amp;Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/compose_dialog.py" line="73"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/email/compose_viewmodel.py" line="45"/>
        <source>Write a subject or a message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/email/compose_viewmodel.py" line="66"/>
        <source>The message could not be stored in the outbox; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="6"/>
        <source>Database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="28"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="40"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="43"/>
        <source>production, analytics, local…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="68"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="75"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="85"/>
        <source>Project &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="97"/>
        <source>Supabase project URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="100"/>
        <source>https://&lt;project&gt;.supabase.co</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="125"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="137"/>
        <source>Supabase API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="169"/>
        <source>Tables are read through the project&apos;s REST API. To run SQL too,
give its Postgres connection below (Supabase: Settings → Database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="183"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="195"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="198"/>
        <source>localhost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="223"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="235"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="263"/>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="275"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="300"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="312"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="337"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="349"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="377"/>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="384"/>
        <source>TLS mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="394"/>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="408"/>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="411"/>
        <source>The system&apos;s certificates when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="418"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="421"/>
        <source>Choose the CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="448"/>
        <source>C&amp;olour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="455"/>
        <source>Colour tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="462"/>
        <source>Access:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="469"/>
        <source>Allow &amp;writes (otherwise the server refuses every change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="476"/>
        <source>AI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="483"/>
        <source>Offer its tables to the AI in &amp;chat (read-only unless writable and you allow it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="494"/>
        <source>T&amp;est</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.ui" line="497"/>
        <source>Connect with what is typed here, without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="77"/>
        <source>Add a database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="77"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="101"/>
        <source>Unchanged (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="114"/>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="131"/>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="131"/>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="165"/>
        <source>Give the connection a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/connection_dialog.py" line="198"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectorsPanel</name>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="6"/>
        <location filename="../../ui/connectors_panel.ui" line="9"/>
        <location filename="../../ui/connectors_panel.ui" line="229"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="310"/>
        <source>Connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="23"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="44"/>
        <source>You are offline. Connectors are shown as last fetched; connecting, refreshing and running tools on remote servers need the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="57"/>
        <source>Merge is not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="78"/>
        <source>Set your Merge access key and tool pack id in Settings → Connectors to see your Merge connectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="88"/>
        <location filename="../../ui/connectors_panel.ui" line="278"/>
        <source>Open &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="91"/>
        <source>Open Settings → Connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="123"/>
        <location filename="../../ui/connectors_panel.ui" line="126"/>
        <source>Search connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="141"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="144"/>
        <source>Show only connected connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="160"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="163"/>
        <source>Show only enabled connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="179"/>
        <source>Has errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="182"/>
        <source>Show only connectors with a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="265"/>
        <location filename="../../ui/connectors_panel.ui" line="1183"/>
        <source>No connectors yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="281"/>
        <source>Set the Merge access key and tool pack id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="288"/>
        <source>&amp;Add an MCP server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="291"/>
        <location filename="../../ui/connectors_panel.ui" line="471"/>
        <source>Add a server by URL or by command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="346"/>
        <source>Waiting for you to finish in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="356"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="359"/>
        <source>Stop waiting for the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="374"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="377"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="222"/>
        <source>Connect this connector (opens your browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="384"/>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="387"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="225"/>
        <source>Remove the connection of this connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="394"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="228"/>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="397"/>
        <source>Offer this connector&apos;s tools, or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="414"/>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="417"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="233"/>
        <source>Stop and start this server again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="424"/>
        <source>&amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="427"/>
        <source>Messages and error output of this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="434"/>
        <source>E&amp;dit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="437"/>
        <source>Change this server&apos;s address, command or secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="444"/>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="447"/>
        <source>Remove this server and its secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="468"/>
        <source>&amp;Add MCP server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="478"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="481"/>
        <source>Add servers from a Claude Desktop or Cursor mcpServers JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="491"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="236"/>
        <source>Fetch the connectors and their tools again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="494"/>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="91"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="504"/>
        <source>Tools, history and permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="508"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="531"/>
        <location filename="../../ui/connectors_panel.ui" line="1128"/>
        <source>Search tools by name or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="534"/>
        <source>Search tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="544"/>
        <source>Connector of the tools shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="547"/>
        <source>Show the tools of one connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="554"/>
        <source>Enable shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="557"/>
        <source>Enable every tool shown in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="564"/>
        <source>Disable shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="567"/>
        <source>Disable every tool shown in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="599"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="644"/>
        <source>No tools yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="695"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="715"/>
        <source>&amp;Run tool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="718"/>
        <source>Fill in the arguments and run this tool (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="730"/>
        <source>What the server says about this tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="746"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="756"/>
        <source>Token cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="763"/>
        <location filename="../../ui/connectors_panel.ui" line="773"/>
        <source>Input schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="788"/>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="811"/>
        <location filename="../../ui/connectors_panel.ui" line="814"/>
        <source>Search runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="824"/>
        <source>Connector of the runs shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="831"/>
        <source>Status of the runs shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="841"/>
        <source>Read the history again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="844"/>
        <source>Refresh history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="876"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="921"/>
        <source>No runs yet. Pick a tool and choose Run tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="979"/>
        <source>Re-&amp;run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="982"/>
        <source>Run this tool again with the same arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1015"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1035"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1038"/>
        <source>Copy the arguments as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1041"/>
        <source>Copy arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1053"/>
        <source>Arguments of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1085"/>
        <source>&amp;Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1103"/>
        <source>Policies, grants and rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1110"/>
        <source>P&amp;olicies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1131"/>
        <source>Search the policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1157"/>
        <source>Policy of each connector and tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1200"/>
        <source>A deny rule or your Deny always wins. A grant lets a tool run without asking. Destructive tools and the tools of untrusted connectors never run without a grant or your answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1211"/>
        <source>&amp;Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1229"/>
        <source>What you allowed when a tool asked. Revoke a grant to be asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1255"/>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1284"/>
        <source>No grants. When you allow a tool for a conversation, for an hour or always, it is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1316"/>
        <source>Revo&amp;ke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1319"/>
        <source>Revoke the selected grants (Delete): the tool asks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1326"/>
        <source>Revoke all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1329"/>
        <source>Revoke every grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1339"/>
        <source>R&amp;ules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1357"/>
        <source>Rules decide by tool name and arguments, before your choices in Policies: allow jira__search always, ask for jira__create_issue only in one project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1383"/>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1412"/>
        <source>No rules yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1431"/>
        <source>&amp;New rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1434"/>
        <source>Add a rule for a tool or a pattern of tools, optionally on its arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1441"/>
        <source>Delete rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectors_panel.ui" line="1444"/>
        <source>Delete the selected rules (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="185"/>
        <source>No connector matches the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="187"/>
        <source>Your Merge connectors could not be read: %1

Check Settings → Connectors, then refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="191"/>
        <source>Your Merge tool pack has no connectors yet. Refresh, or add an MCP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="196"/>
        <source>No connectors yet.

Set your Merge access key in Settings → Connectors to use your Merge connectors, or add an MCP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="219"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="219"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="228"/>
        <source>&amp;Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="296"/>
        <source>Disconnect %1? Its tools stop working until you connect it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="297"/>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="303"/>
        <source>Remove %1? Its settings and the secrets kept in the keychain for it are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="306"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="345"/>
        <source>%1 was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/connectors_panel.py" line="391"/>
        <source>%1 is not offered any more, so it cannot run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationSettingsDialog</name>
    <message>
        <location filename="../../vector_desktop/views/chat/conversation_settings_dialog.py" line="35"/>
        <source>Model id, e.g. openai/gpt-5.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="14"/>
        <location filename="../../ui/conversation_settings.ui" line="17"/>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="25"/>
        <source>&amp;System prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="35"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="41"/>
        <source>Instructions the model gets before every message of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="48"/>
        <source>&amp;Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="60"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="79"/>
        <source>Leave the temperature to the model&apos;s own default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="82"/>
        <source>Use the model&apos;s default temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="85"/>
        <source>Model &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="107"/>
        <source>JSON mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="114"/>
        <source>Ask the model for an answer that is valid JSON; an answer that is not is flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="117"/>
        <source>JSON mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="120"/>
        <source>Ask for a &amp;JSON answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="127"/>
        <source>&amp;Fallback models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="139"/>
        <source>Fallback models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="142"/>
        <source>Tried in this order when the conversation&apos;s model cannot answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="151"/>
        <source>Model to add as a fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="164"/>
        <source>Add fallback model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="167"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="174"/>
        <source>Remove fallback model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="177"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="184"/>
        <source>Move fallback model up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="187"/>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="194"/>
        <source>Move fallback model down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="197"/>
        <source>Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../vector_desktop/views/crash_dialog.py" line="24"/>
        <source>Where: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/crash_dialog.py" line="26"/>
        <source>The full log is in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="6"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="10"/>
        <source>Vector Desktop hit an unexpected error. Your messages, drafts and files are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="18"/>
        <source>Error summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="25"/>
        <source>Where it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="31"/>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="38"/>
        <source>Log file location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="45"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="50"/>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="60"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="65"/>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabasesPanel</name>
    <message>
        <location filename="../../ui/databases_panel.ui" line="6"/>
        <location filename="../../ui/databases_panel.ui" line="9"/>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="258"/>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="52"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="55"/>
        <location filename="../../ui/databases_panel.ui" line="231"/>
        <source>sectionTitle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="78"/>
        <source>Database connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="114"/>
        <source>No database connections yet.

Add one for PostgreSQL, MySQL / MariaDB or Supabase. Passwords stay in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="129"/>
        <source>&amp;Add a connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="158"/>
        <source>A&amp;dd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="161"/>
        <source>Add a database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="168"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="171"/>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="192"/>
        <source>Change the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="178"/>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="184"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="181"/>
        <source>Connect to the server and report what it says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="188"/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="191"/>
        <source>Delete the selected connection with its history and saved queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="228"/>
        <location filename="../../ui/databases_panel.ui" line="279"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="251"/>
        <source>Read the schema again from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="254"/>
        <source>Refresh the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="266"/>
        <location filename="../../ui/databases_panel.ui" line="269"/>
        <source>Filter tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="304"/>
        <source>SQL editors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="334"/>
        <source>Pick a connection, then open an SQL editor, or double-click a table to see its rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="362"/>
        <source>&amp;New SQL editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/databases_panel.ui" line="365"/>
        <source>Open an SQL editor on the selected connection (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="84"/>
        <source>New SQL editor on the selected connection (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="85"/>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="89"/>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="198"/>
        <source>New SQL editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="115"/>
        <source>Exporting in the background: see the Jobs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="184"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="190"/>
        <source>This connection comes from DATABASE_URL: change it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="225"/>
        <source>%1 was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="230"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="254"/>
        <source>Delete %1? Its history, its saved queries and the password kept in the keychain are deleted too; the database itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="260"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="272"/>
        <source>Pick a connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="280"/>
        <source>%1 · Query %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/databases_panel.py" line="310"/>
        <source>Exported %1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabasesViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/databases/databases_events.py" line="63"/>
        <source>Something went wrong with the databases; the log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElicitationDialog</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="20"/>
        <source>%1 asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="20"/>
        <source>A server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="23"/>
        <source>The server asks for some information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="34"/>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="35"/>
        <source>Send these answers to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="36"/>
        <source>&amp;Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="37"/>
        <source>Tell the server you do not want to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="38"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/elicitation_dialog.py" line="39"/>
        <source>Dismiss the question without an answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnumEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="209"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="211"/>
        <source>(choose one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="213"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportSetupDialog</name>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="35"/>
        <source>Export setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="39"/>
        <source>Your AI servers, connectors, database connections and settings, secrets included, go into one encrypted file you can import on another computer. Chats, files and history are not included, nor settings that come from the environment or a .env file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="45"/>
        <source>Counting what will be exported…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="47"/>
        <source>Encrypt with ENCRYPTION_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="51"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="54"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="58"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="59"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="65"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="67"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="73"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="78"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="105"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="106"/>
        <source>Included: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/export_dialog.py" line="126"/>
        <source>Export setup to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="79"/>
        <source>%1 status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="83"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="85"/>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="86"/>
        <source>Remove the stored value from the keychain when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="112"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="114"/>
        <source>Reset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="116"/>
        <source>Remove the value saved in the app; the .env file, environment or default applies again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="128"/>
        <source>%1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="134"/>
        <source>%1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="162"/>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_field_editor.py" line="227"/>
        <source>will be removed when you save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="51"/>
        <source>History and saved queries — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="54"/>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="55"/>
        <source>&amp;Saved queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="73"/>
        <source>Search the statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="74"/>
        <source>Search the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="77"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="85"/>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="108"/>
        <source>&amp;Open in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="86"/>
        <source>&amp;Run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="101"/>
        <source>Saved queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="109"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="110"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="169"/>
        <source>Rename the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="170"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="186"/>
        <source>Delete the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="187"/>
        <source>Delete the saved query “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/history_dialog.py" line="191"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="60"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="88"/>
        <source>All connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="136"/>
        <source>Pick a run to see its arguments and result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="149"/>
        <source>Allowed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="153"/>
        <source>The result was too long to keep whole; it is cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="180"/>
        <source>No run matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/history_view.py" line="182"/>
        <source>No runs yet. Pick a tool and choose Run tool.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="34"/>
        <source>Import MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="39"/>
        <source>Paste the mcpServers JSON of Claude Desktop or Cursor, or open their file. Keys, tokens and passwords in it go to the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="47"/>
        <source>mcpServers JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="57"/>
        <source>&amp;Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="58"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="70"/>
        <source>mcpServers JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="77"/>
        <source>That file is too big to be an mcpServers file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="81"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/import_dialog.py" line="91"/>
        <source>Paste the JSON first, or open a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSetupDialog</name>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="35"/>
        <source>Import setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="39"/>
        <source>Open a setup exported from Vector Desktop. You will see what it holds and what it would replace here before anything is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="45"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="46"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="51"/>
        <source>Decrypt with ENCRYPTION_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="55"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="56"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="58"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="62"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="80"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="135"/>
        <source>Import setup from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="155"/>
        <source>%1 to add, %2 to replace, %3 already here as in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/setup/import_dialog.py" line="159"/>
        <source>Exported %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuedLinksDialog</name>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="14"/>
        <location filename="../../ui/issued_links_dialog.ui" line="17"/>
        <source>Issued links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="23"/>
        <source>Links cannot be revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="52"/>
        <source>Links issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="81"/>
        <source>No links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="84"/>
        <source>No links have been issued for this bucket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="101"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="197"/>
        <location filename="../../vector_desktop/views/jobs_panel.py" line="130"/>
        <source>Select a job to see its error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/jobs_panel.py" line="133"/>
        <source>This job has no error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="14"/>
        <location filename="../../ui/jobs_panel.ui" line="17"/>
        <source>Background jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="30"/>
        <source>No jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="33"/>
        <source>No background jobs yet. Uploads, syncs and other long tasks will appear here while they run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="62"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="99"/>
        <source>Ask the selected job to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="102"/>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="105"/>
        <source>&amp;Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="115"/>
        <source>Run the selected job again as a new job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="118"/>
        <source>Retry job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="121"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="144"/>
        <source>Remove finished jobs from the list and from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="147"/>
        <source>Clear finished jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="150"/>
        <source>C&amp;lear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="159"/>
        <source>Jobs message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="175"/>
        <source>&amp;Error of the selected job:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="191"/>
        <source>Error text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="307"/>
        <source>JSON, e.g. {&quot;key&quot;: &quot;value&quot;}, [1, 2] or &quot;text&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LooseJsonEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="355"/>
        <source>Text, or JSON such as 42, true, [1, 2] or {&quot;a&quot;: 1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="83"/>
        <source>Checking connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="84"/>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="86"/>
        <source>Running jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="88"/>
        <source>Storage in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="175"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="175"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="182"/>
        <source>No online AI provider is set up: the on-device model answers, no network needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../vector_desktop/views/main_window.py" line="186"/>
        <source>%n job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="138"/>
        <source>Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="154"/>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="155"/>
        <source>Choose the panel to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="156"/>
        <source>Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="157"/>
        <source>Opening your workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="158"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="159"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="160"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="161"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="139"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="140"/>
        <source>&amp;AI servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="142"/>
        <source>Add your own OpenAI-compatible servers, such as Ollama or LM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="146"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="147"/>
        <source>Follow &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="148"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="149"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="150"/>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="151"/>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="152"/>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window_form.py" line="153"/>
        <source>&amp;About Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="298"/>
        <source>Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="305"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="308"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="309"/>
        <source>Entry name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="312"/>
        <source>Entry value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatcherEditor</name>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/matcher_editor.py" line="25"/>
        <source>Argument tests, one a line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>McpServerDialog</name>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="6"/>
        <source>MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="25"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="37"/>
        <source>GitHub, Linear, files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="40"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="62"/>
        <source>Connect by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="71"/>
        <source>U&amp;RL (streamable HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="81"/>
        <source>C&amp;ommand (stdio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="112"/>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="124"/>
        <source>https://example.com/mcp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="127"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="152"/>
        <source>&amp;Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="164"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="179"/>
        <source>Add header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="182"/>
        <location filename="../../ui/mcp_server_dialog.ui" line="373"/>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="189"/>
        <location filename="../../ui/mcp_server_dialog.ui" line="380"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="192"/>
        <location filename="../../ui/mcp_server_dialog.ui" line="383"/>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="229"/>
        <source>The server asks me to &amp;sign in (OAuth, in the browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="243"/>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="260"/>
        <source>npx, uvx, python, or a full path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="263"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="270"/>
        <location filename="../../ui/mcp_server_dialog.ui" line="450"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="273"/>
        <source>Choose the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="300"/>
        <source>&amp;Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="312"/>
        <source>-y @modelcontextprotocol/server-everything stdio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="315"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="318"/>
        <source>Separated by spaces; quote an argument that contains spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="343"/>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="355"/>
        <source>Env</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="370"/>
        <source>Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="423"/>
        <source>&amp;Working folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="440"/>
        <source>Your home folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="443"/>
        <source>Working folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="453"/>
        <source>Choose the folder the server starts in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mcp_server_dialog.ui" line="481"/>
        <source>Start this server and offer its &amp;tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="30"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="30"/>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="31"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="30"/>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="31"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="31"/>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="59"/>
        <source>Add an MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="59"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="88"/>
        <source>Program that starts the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="93"/>
        <source>Folder the server starts in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="115"/>
        <source>Give the server a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="119"/>
        <source>Enter the server&apos;s URL, like https://example.com/mcp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="122"/>
        <source>Enter the command that starts the server, like npx or uvx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/mcp_server_dialog.py" line="126"/>
        <source>An argument opens a quote that is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="90"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="91"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="92"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="93"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="94"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="95"/>
        <source>Answer on device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="98"/>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat/message_delegate.py" line="99"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="17"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="24"/>
        <source>Notice text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="28"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="29"/>
        <source>Dismiss notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="111"/>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="113"/>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="141"/>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="141"/>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="109"/>
        <source>Nothing to fill in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="135"/>
        <source>Also sent, not shown here (edit them as JSON): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="31"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="55"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="56"/>
        <source>Send &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="58"/>
        <source>The server never confirmed this message: the recipient may get it twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="60"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="110"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/email/outbox_dialog.py" line="111"/>
        <source>Remove message #%1 from the outbox? It will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/email/outbox_viewmodel.py" line="106"/>
        <source>The outbox could not be read or changed; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingSave</name>
    <message>
        <location filename="../../vector_desktop/views/pending_save.py" line="52"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/pending_save.py" line="52"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionsTab</name>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="176"/>
        <source>Revoke all %1 grants? Every tool they allowed asks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="178"/>
        <source>Revoke the grant? The tool it allowed asks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="179"/>
        <source>Revoke all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="183"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="218"/>
        <source>The rule was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="236"/>
        <source>No tool matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="238"/>
        <source>Connectors and their tools appear here once you add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="245"/>
        <source>&amp;Grants (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="245"/>
        <source>&amp;Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="249"/>
        <source>No rules. Add one to allow, ask for or deny a tool by its name and arguments.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="27"/>
        <source>&amp;Save choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="28"/>
        <source>Save choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="33"/>
        <source>Crash reports are not set up in this copy of Vector Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="36"/>
        <source>Usage analytics are not set up in this copy of Vector Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="6"/>
        <location filename="../../ui/privacy_dialog.ui" line="11"/>
        <source>Help improve Vector Desktop?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="7"/>
        <source>Privacy choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="12"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="18"/>
        <source>You can choose to share some information with the developers. Both are off unless you tick them, and you can change your mind at any time in Settings → Privacy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="19"/>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="25"/>
        <source>Send &amp;crash reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="27"/>
        <source>Send crash reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="32"/>
        <source>When something goes wrong: the kind of error, where in the app it happened, the app version and your operating system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="33"/>
        <source>What crash reports contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="40"/>
        <source>Send usage &amp;analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="42"/>
        <source>Send usage analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="47"/>
        <source>Which features are used (for example &quot;chat sent&quot; or &quot;file uploaded&quot;), with a random id that is not linked to you. Events wait on this computer while you are offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="48"/>
        <source>What usage analytics contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="55"/>
        <source>Never sent: your messages, files, database contents or email. API keys, passwords, tokens and paths in your home folder are removed before anything leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="56"/>
        <source>What is never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="62"/>
        <source>Unavailable options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="74"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/privacy_viewmodel.py" line="77"/>
        <source>Your privacy choices could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryTab</name>
    <message>
        <location filename="../../ui/query_tab.ui" line="72"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="75"/>
        <source>Run the statement under the cursor, or the selection (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="82"/>
        <source>E&amp;xplain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="85"/>
        <source>Show the server&apos;s plan for the statement under the cursor, without running it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="92"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="95"/>
        <source>Stop the running statement on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="115"/>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="118"/>
        <source>The statements run on this connection, and the saved queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="125"/>
        <source>&amp;Save query…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="128"/>
        <source>Save the editor&apos;s text under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="144"/>
        <source>SQL editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="153"/>
        <source>Write SQL here. Ctrl+Enter runs the statement under the cursor, or the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="190"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="208"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="237"/>
        <location filename="../../ui/query_tab.ui" line="255"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="278"/>
        <source>Query status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="298"/>
        <source>C&amp;opy as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="301"/>
        <source>Copy the selected cells (or every row read so far) as TSV, CSV or Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="311"/>
        <source>Ex&amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/query_tab.ui" line="314"/>
        <source>Write the whole result to a CSV or JSON Lines file, in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="86"/>
        <source>Copy as &amp;TSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="87"/>
        <source>Copy as &amp;CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="88"/>
        <source>Copy as &amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="97"/>
        <source>%1 file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="103"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="110"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="197"/>
        <source>There is no statement to run: write one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="207"/>
        <source>There is no statement to explain: write one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="235"/>
        <source>Line %1, column %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="283"/>
        <source>Share as CSV by &amp;email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="293"/>
        <source>Only the first %1 rows are attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="298"/>
        <source>Export the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="330"/>
        <source>The editor is empty: there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="333"/>
        <source>Save the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/query_tab.py" line="334"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="40"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="43"/>
        <source>Copy as table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="44"/>
        <source>Copy the rows as tab-separated text, for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="45"/>
        <source>Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="46"/>
        <source>Copy the whole result as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="54"/>
        <source>Result rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="63"/>
        <source>Result as a tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/result_view.py" line="68"/>
        <source>Result text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="6"/>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="25"/>
        <source>&amp;Tools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="37"/>
        <source>jira__create_issue, or a pattern: jira__*, *__delete_*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="40"/>
        <source>Tool name or pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="65"/>
        <source>&amp;Connector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="72"/>
        <source>Connector of the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="82"/>
        <source>T&amp;hen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="89"/>
        <source>What the rule does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="103"/>
        <source>&amp;When the arguments match (one test a line; none: any arguments):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="128"/>
        <source>input.project == &quot;X&quot; · input.project in [&quot;A&quot;, &quot;B&quot;] · input.title startswith &quot;[&quot; · input.labels contains &quot;bug&quot; · input.path glob &quot;/tmp/*&quot; · input.assignee exists · input.assignee absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="161"/>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="168"/>
        <source>Why this rule (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/rule_dialog.ui" line="171"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="38"/>
        <source>Any connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="43"/>
        <source>Ask each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="44"/>
        <source>Allow without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="45"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="54"/>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="69"/>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/rule_dialog.py" line="92"/>
        <source>Name a tool, or a pattern such as jira__* for several tools.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunToolDialog</name>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="6"/>
        <source>Run tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="26"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="42"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="96"/>
        <source>Run status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="131"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="134"/>
        <source>Connect this connector in your browser, then run the tool again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="174"/>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="181"/>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="184"/>
        <source>How long to wait for the tool; Default uses the server&apos;s setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="187"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="190"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="206"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="229"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="232"/>
        <source>Run the tool with these arguments (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="239"/>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="242"/>
        <source>Stop the running call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="249"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_tool_dialog.ui" line="252"/>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="46"/>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="102"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="108"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="141"/>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="143"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="160"/>
        <source>%1 must be connected before this tool can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="163"/>
        <source>Connect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="182"/>
        <source>Finish connecting in your browser, then run the tool again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/run_tool_dialog.py" line="194"/>
        <source>Run the tool again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_form.py" line="243"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_form.py" line="244"/>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_form.py" line="245"/>
        <source>Fill in the arguments field by field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_form.py" line="246"/>
        <source>Edit the arguments as raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_form.py" line="269"/>
        <source>Arguments as JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_form.py" line="107"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaTree</name>
    <message>
        <location filename="../../vector_desktop/views/databases/schema_tree.py" line="128"/>
        <source>Show the rows in a new tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/databases/schema_tree.py" line="131"/>
        <source>Copy the name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_editors.py" line="202"/>
        <source>Fold this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_editors.py" line="202"/>
        <source>Show this group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerLogDialog</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/server_log_dialog.py" line="23"/>
        <source>Log of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/server_log_dialog.py" line="26"/>
        <source>Messages the server sent and what it wrote to its error output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/server_log_dialog.py" line="31"/>
        <source>Server log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/server_log_dialog.py" line="34"/>
        <source>Nothing yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/server_log_dialog.py" line="37"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="87"/>
        <source>No settings in this group yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="127"/>
        <source>Uses the values shown here, even before you save them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="130"/>
        <source>%1 result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="155"/>
        <source>Correct the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="159"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../vector_desktop/views/settings_dialog.py" line="258"/>
        <source>Nothing was saved: %n field(s) need a valid value.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="6"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="12"/>
        <source>Keychain warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="18"/>
        <source>Loading settings from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="19"/>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="27"/>
        <source>Settings groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="35"/>
        <source>Settings of the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="45"/>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="52"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="107"/>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="108"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="109"/>
        <source>Connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="110"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="111"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="112"/>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="113"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="134"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="160"/>
        <source>Enter a new value to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="160"/>
        <source>Enter a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="162"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="184"/>
        <source>.env file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="186"/>
        <source>this session only (no keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="188"/>
        <source>this session only (the keychain refused it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="190"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="191"/>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="192"/>
        <source>saved in app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="193"/>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="193"/>
        <source>encrypted file in your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="202"/>
        <source>•••• kept for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="204"/>
        <source>•••• stored in encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="205"/>
        <source>•••• stored in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="207"/>
        <source>•••• set in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="209"/>
        <source>•••• set in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="210"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="216"/>
        <source>Not used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="221"/>
        <source>Mail is sent unencrypted: anyone on the network can read it, and the SMTP password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="248"/>
        <source>This action is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="266"/>
        <source>No system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="310"/>
        <source>This setting is not known to this version of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="325"/>
        <source>The settings could not be saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="366"/>
        <source>Settings could not be read or saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../vector_desktop/views/account/sign_in_dialog.py" line="17"/>
        <source>Sign in with Google</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/sign_in_dialog.py" line="20"/>
        <source>Finish signing in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/sign_in_dialog.py" line="21"/>
        <source>If no browser opened, copy this address into one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/sign_in_dialog.py" line="25"/>
        <source>Sign-in address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/sign_in_dialog.py" line="26"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/account/sign_in_dialog.py" line="28"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageListModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/storage/listing_model.py" line="221"/>
        <source>The folder could not be listed; the log has details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/storage/object_display.py" line="59"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoragePanel</name>
    <message>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="55"/>
        <source>Upload &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="57"/>
        <source>Upload a f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="107"/>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="35"/>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="40"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="108"/>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="303"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="109"/>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="109"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="110"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="295"/>
        <location filename="../../ui/storage_panel.ui" line="298"/>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="111"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="147"/>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="112"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="279"/>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="113"/>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="306"/>
        <source>New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="70"/>
        <source>Looking for matching names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="446"/>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="71"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="73"/>
        <source>No names in this folder match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="77"/>
        <source>This folder is empty. Drag files or folders here to upload them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/listing_views.py" line="80"/>
        <source>No files yet. Drag files or folders here, or click Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/breadcrumbs.py" line="29"/>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/breadcrumbs.py" line="35"/>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/breadcrumbs.py" line="36"/>
        <source>The top of the storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="52"/>
        <source>&amp;Upload files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="55"/>
        <source>&amp;New folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="56"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="61"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="63"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="673"/>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="64"/>
        <source>&amp;Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="69"/>
        <source>&amp;Copy file location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="72"/>
        <source>&amp;Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="75"/>
        <source>Valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="77"/>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="79"/>
        <source>Share link by &amp;email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="83"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="84"/>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="663"/>
        <location filename="../../vector_desktop/views/storage/storage_context_menu.py" line="87"/>
        <source>&amp;Attach to chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="21"/>
        <source>Delete %1 items? Folders are deleted with everything in them. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="26"/>
        <source>Delete the folder “%1” and everything in it? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="31"/>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="52"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="54"/>
        <source>“%1” already exists in “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="58"/>
        <source>%1 of the %2 items you are downloading already exist in “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="60"/>
        <source>%1 of the %2 items you are uploading already exist in “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="65"/>
        <source>Replace existing items?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="68"/>
        <source>Replace them with the downloaded files, keep both (the new ones get a number), or skip them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="73"/>
        <source>Replace them with the new files, keep both (the new ones get a number), or skip them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="80"/>
        <source>
…and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="84"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="85"/>
        <source>&amp;Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="88"/>
        <source>&amp;Skip existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="303"/>
        <source>New name for “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="306"/>
        <source>Name of the new folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_questions.py" line="111"/>
        <source>How many hours should the link work (1 to 168)? It cannot be revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="331"/>
        <source>Upload files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="336"/>
        <source>Upload a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage/storage_panel.py" line="341"/>
        <source>Download to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="14"/>
        <location filename="../../ui/storage_panel.ui" line="17"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="25"/>
        <source>Storage in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="28"/>
        <source>Checking storage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="51"/>
        <source>Every download link the app handed out, with when it expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="54"/>
        <source>Issued links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="57"/>
        <source>Issued &amp;links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="64"/>
        <source>Storage settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="67"/>
        <source>&lt;a href=&quot;settings&quot;&gt;Storage settings…&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="82"/>
        <source>Interrupted uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="97"/>
        <source>Interrupted uploads text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="107"/>
        <source>Continue the interrupted uploads from where they stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="110"/>
        <source>Resume interrupted uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="113"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="120"/>
        <source>Remove the parts already sent from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="123"/>
        <source>Discard interrupted uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="126"/>
        <source>D&amp;iscard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="141"/>
        <source>Go to the folder above (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="144"/>
        <source>Up one folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="157"/>
        <source>Folder path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="200"/>
        <source>Show only names that contain this text (* and ? work as wildcards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="203"/>
        <location filename="../../ui/storage_panel.ui" line="206"/>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="216"/>
        <source>Show files as icons with thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="219"/>
        <source>Icon view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="222"/>
        <source>Icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="235"/>
        <source>Show files as a list with size, type and date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="238"/>
        <source>Details view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="241"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="257"/>
        <source>Upload files into this folder (or drag files and folders here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="260"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="263"/>
        <source>&amp;Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="276"/>
        <source>Make a folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="282"/>
        <source>&amp;New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="292"/>
        <source>Read the folder again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="317"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="339"/>
        <source>Files and folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="392"/>
        <source>Files and folders as icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="443"/>
        <source>Folder state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="477"/>
        <source>Try listing again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="480"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="487"/>
        <source>Open storage settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="490"/>
        <source>Storage &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="533"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="544"/>
        <source>Previewed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="554"/>
        <source>Close the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="557"/>
        <source>Close preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="560"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="588"/>
        <source>Image preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="598"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="628"/>
        <source>Text preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="645"/>
        <source>Preview note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="657"/>
        <source>Add this image to the message you are writing in Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="660"/>
        <source>Attach to chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="670"/>
        <source>Download previewed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="686"/>
        <location filename="../../ui/storage_panel.ui" line="703"/>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="726"/>
        <source>Stop the selected upload or download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="729"/>
        <source>Cancel transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="732"/>
        <source>&amp;Cancel transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="739"/>
        <source>Remove finished transfers from this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="742"/>
        <source>Clear finished transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="745"/>
        <source>Clear &amp;finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="760"/>
        <source>Uploads and downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="791"/>
        <source>Storage message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_scalars.py" line="51"/>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolBrowser</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="77"/>
        <source>All connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="139"/>
        <source>Pick a tool to see what it does and run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="153"/>
        <source>The server gives no description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="155"/>
        <source>About %1 tokens added to every request that offers this tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="159"/>
        <source>Fill in the arguments and run this tool (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="180"/>
        <source>No tool matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="182"/>
        <source>%1 has no tools yet. Connect it, or start it, to fetch them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="186"/>
        <source>No tools yet. Connect a connector or start a server to fetch its tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/tool_browser.py" line="188"/>
        <source>Tools appear here once you add an MCP server or set up Merge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsChooserDialog</name>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/tools_chooser.py" line="18"/>
        <source>Tools for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/tools_chooser.py" line="19"/>
        <source>Choose tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/tools_chooser.py" line="22"/>
        <source>The model is offered only the tools you check, in this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/tools_chooser.py" line="27"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariantEditor</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_variants.py" line="44"/>
        <source>Kind of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_variants.py" line="46"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultPassphraseDialog</name>
    <message>
        <location filename="../../vector_desktop/views/vault_passphrase_dialog.py" line="34"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/vault_passphrase_dialog.py" line="35"/>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/vault_passphrase_dialog.py" line="37"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/vault_passphrase_dialog.py" line="39"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/vault_passphrase_dialog.py" line="51"/>
        <source>&amp;Create encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/vault_passphrase_dialog.py" line="51"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultPassphraseViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="70"/>
        <source>Choose a passphrase for your secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="70"/>
        <source>Unlock your secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="76"/>
        <source>Your profile has an encrypted file with passwords and API keys, kept from a time without a system keychain. Enter its passphrase once to move them into the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="81"/>
        <source>This computer has no system keychain. Vector Desktop can keep your passwords and API keys in an encrypted file in your profile, locked with a passphrase you choose now. The passphrase cannot be recovered: if you forget it, the secrets in that file are lost and have to be entered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="86"/>
        <source>This computer has no system keychain, so your passwords and API keys are kept in an encrypted file in your profile. Enter its passphrase to use them in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="92"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="92"/>
        <source>Continue without saving secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="97"/>
        <source>The secrets stay in that file until then; new ones go to the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="98"/>
        <source>Secrets you enter will then be kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="105"/>
        <source>Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="108"/>
        <source>Choose a passphrase of at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="110"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="133"/>
        <source>That passphrase does not open your encrypted secrets file. Try again, or go on without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/vault_passphrase.py" line="136"/>
        <source>The encrypted secrets file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RowList</name>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="183"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/json_schema/schema_containers.py" line="229"/>
        <source>Remove row %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ValueDelegate</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/named_values.py" line="44"/>
        <source>kept in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/connectors/named_values.py" line="54"/>
        <source>kept in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.table</name>
    <message>
        <location filename="../../vector_desktop/views/connectors/named_values.py" line="91"/>
        <source>Keep this value in the system keychain, never on disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../vector_desktop/gui.py" line="170"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="174"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="266"/>
        <source>Your data file was kept aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="269"/>
        <source>Some settings are invalid and were ignored: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="101"/>
        <location filename="../../vector_desktop/gui_email.py" line="134"/>
        <source>Send test email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="107"/>
        <source>Save your changes first: the test email uses the saved settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="110"/>
        <source>No test email was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="122"/>
        <source>Sent to %1. The server said: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="125"/>
        <source>it is still being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="126"/>
        <source>Waiting in the outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="127"/>
        <source>The test email was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="135"/>
        <source>Send a test message to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>session.window</name>
    <message>
        <location filename="../../vector_desktop/gui_dialogs.py" line="33"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings_vm</name>
    <message>
        <location filename="../../vector_desktop/gui_account.py" line="38"/>
        <source>Sign in with Google</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../vector_desktop/views/tool_policy/permissions_tab.py" line="274"/>
        <source>&amp;Permissions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../vector_desktop/gui_account.py" line="82"/>
        <source>Sign in with Google…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_account.py" line="83"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_chat.py" line="86"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_connectors.py" line="126"/>
        <source>Connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_databases.py" line="68"/>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_dialogs.py" line="67"/>
        <source>About Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_dialogs.py" line="69"/>
        <source>An AI workspace on your own machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_email.py" line="36"/>
        <source>Outbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_setup.py" line="29"/>
        <source>E&amp;xport setup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_setup.py" line="31"/>
        <source>Save your servers, connectors, connections and settings to one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_setup.py" line="33"/>
        <source>&amp;Import setup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui_setup.py" line="34"/>
        <source>Bring in a setup exported from Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
