//! TcpStream: the sources of the chapter, non-blocking TCP streams.

use std::io::{self, Read, Write};
use std::net::{self, ToSocketAddrs};
use std::os::fd::{AsRawFd, RawFd};

use super::Source;
use super::sys::closed;

/// A TCP stream that is non-blocking once connected: a read with nothing there is `WouldBlock`
/// (EQ-22). It can be closed while it is still named somewhere, and from then on every use is
/// `EBADF`, as for a closed descriptor (EQ-16).
#[derive(Debug)]
pub struct TcpStream {
    stream: Option<net::TcpStream>,
}

impl TcpStream {
    /// Connects (blocking, as the book does), then switches to non-blocking.
    pub fn connect(address: impl ToSocketAddrs) -> io::Result<TcpStream> {
        let stream = net::TcpStream::connect(address)?;
        stream.set_nonblocking(true)?;
        Ok(TcpStream { stream: Some(stream) })
    }

    /// Closes the stream now; later uses fail with `EBADF`.
    pub fn close(&mut self) {
        self.stream = None;
    }

    fn open(&mut self) -> io::Result<&mut net::TcpStream> {
        self.stream.as_mut().ok_or_else(closed)
    }
}

impl Read for TcpStream {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.open()?.read(buffer)
    }
}

impl Write for TcpStream {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.open()?.write(data)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.open()?.flush()
    }
}

impl Source for TcpStream {
    fn raw_fd(&self) -> io::Result<RawFd> {
        self.stream.as_ref().map(AsRawFd::as_raw_fd).ok_or_else(closed)
    }
}
