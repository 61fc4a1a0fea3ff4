//! Token: how an event says which registration it is about.

/// The value a caller chooses for a registration and gets back in every event for it, unchanged:
/// all 64 bits travel in the kernel's `epoll_data` (the book uses the stream's index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token(pub usize);
