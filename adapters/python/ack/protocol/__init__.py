"""The adapter's side of the kit protocol (spec/protocol.md): errors, request arguments, handles."""
