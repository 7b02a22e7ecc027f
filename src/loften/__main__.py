from loften.cli import main

main()
