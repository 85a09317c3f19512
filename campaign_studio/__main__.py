from campaign_studio.cli.main import main

main()
