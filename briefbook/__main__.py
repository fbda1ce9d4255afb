from briefbook.cli.main import main

main()
