//! A [`BufRead`] that counts the bytes taken from it, so every record and error can say
//! where in the (decompressed) stream it starts.

use std::io::{self, BufRead, Read};

pub(super) struct CountingReader<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> CountingReader<R> {
    pub(super) fn new(inner: R) -> Self {
        CountingReader { inner, consumed: 0 }
    }

    /// Bytes read or consumed so far: the offset of the next byte.
    pub(super) fn position(&self) -> u64 {
        self.consumed
    }
}

impl<R: BufRead> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.consumed += read as u64;
        Ok(read)
    }
}

impl<R: BufRead> BufRead for CountingReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_reads_and_consumes() {
        let mut reader = CountingReader::new(&b"WARC/1.0\r\nrest"[..]);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert_eq!(reader.position(), 10);
        let mut rest = [0; 2];
        reader.read_exact(&mut rest).unwrap();
        assert_eq!(reader.position(), 12);
    }
}
