//! A connection whose caller stops reading: a write that makes no progress
//! for the send timeout fails, and hyper closes the connection, so that a
//! caller that asks for a large answer (a sweep's runs to megabytes) and
//! never reads it cannot hold the answer's memory and its place for ever.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

/// A connection's stream with a send timeout: each write, flush or
/// shutdown that waits on the caller starts a clock (if none is running),
/// any progress stops it, and a clock that runs out fails the call with
/// [`io::ErrorKind::TimedOut`]. Reads pass through: the header and body
/// timeouts bound them.
#[derive(Debug)]
pub(crate) struct Stall<S> {
    inner: S,
    timeout: Duration,
    /// Running while a write waits.
    clock: Option<Pin<Box<Sleep>>>,
}

impl<S> Stall<S> {
    pub(crate) fn new(inner: S, timeout: Duration) -> Stall<S> {
        Stall {
            inner,
            timeout,
            clock: None,
        }
    }

    /// The outcome of a call that may wait on the caller: progress stops
    /// the clock; waiting starts it, or fails once it has run out.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        outcome: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if outcome.is_ready() {
            self.clock = None;
            return outcome;
        }
        let timeout = self.timeout;
        let clock = self
            .clock
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        match clock.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => {
                self.clock = None;
                tracing::warn!(
                    seconds = timeout.as_secs(),
                    "connection closed: the caller did not read its answer in time"
                );
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the caller did not read its answer within the send timeout",
                )))
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Stall<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Stall<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, outcome)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.watch(cx, outcome)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, outcome)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_shutdown(cx);
        this.watch(cx, outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_write_nobody_reads_fails_after_the_timeout_and_a_reader_that_keeps_up_gets_all() {
        // A pipe of 64 bytes whose far end is not read.
        let (near, _far) = tokio::io::duplex(64);
        let mut stream = Stall::new(near, Duration::from_millis(200));
        let started = std::time::Instant::now();
        let error = stream.write_all(&[b'x'; 4096]).await.unwrap_err();
        let took = started.elapsed();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert!(
            took >= Duration::from_millis(190) && took < Duration::from_secs(5),
            "{took:?}"
        );

        // A reader that keeps up: every byte goes through, however long
        // the whole takes, since each wait is short.
        let (near, mut far_read) = tokio::io::duplex(64);
        let mut stream = Stall::new(near, Duration::from_millis(200));
        let reader = tokio::spawn(async move {
            let mut received = Vec::new();
            let mut chunk = [0u8; 16];
            loop {
                tokio::time::sleep(Duration::from_millis(5)).await;
                match far_read.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => received.extend_from_slice(&chunk[..n]),
                }
            }
            received
        });
        stream.write_all(&[b'y'; 2048]).await.unwrap();
        stream.shutdown().await.unwrap();
        drop(stream);
        assert_eq!(reader.await.unwrap(), vec![b'y'; 2048]);
    }
}
