from vector_desktop.app import main

raise SystemExit(main())
