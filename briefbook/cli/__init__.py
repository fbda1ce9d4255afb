"""The command line: every operation of the GUI, without a window."""
