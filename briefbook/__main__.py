import gc

# As main() sets it (briefbook.cli.main.START_GC_THRESHOLD), before the imports it is for.
gc.set_threshold(50_000, 10, 10)

from briefbook.cli.main import main  # noqa: E402

main()
