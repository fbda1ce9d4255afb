"""The demo library a first start opens: the Bangkok conference on online scams (December 2025)."""

from briefbook.demo.loader import DEMO_FILE, create_demo_library, load_demo, read_demo

__all__ = ["DEMO_FILE", "create_demo_library", "load_demo", "read_demo"]
