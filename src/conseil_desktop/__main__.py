from conseil_desktop.app import main

raise SystemExit(main())
