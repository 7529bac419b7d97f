// pluresdb_ui: see the subfolders (windows/, models/, dialogs/).
