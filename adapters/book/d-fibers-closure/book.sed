# The two edits stable Rust needs in ch05/d-fibers-closure/src/main.rs, and nothing else.
# 1. Naked functions are stable since Rust 1.88: the feature line goes, and the doc comment above it,
#    which would otherwise document the `use` after it, becomes a plain comment.
1,/^#!\[feature(naked_functions)\]$/s|^///|//|
/^#!\[feature(naked_functions)\]$/d
# 2. Stable Rust writes the attribute as an unsafe one.
s/^#\[naked\]$/#[unsafe(naked)]/
