//! Physical line numbers of CSV records, counted from the bytes (quoted line breaks, CRLF,
//! lone CR and blank lines included).

/// Physical line numbers for record starts.
///
/// `csv::Position::line()` is not used: in csv 1.3 it does not count blank lines and counts
/// CRLF line ends wrongly (`"h\r\na\r\n\r\nb"` gives lines 1, 1, 2). Its byte offset
/// is the end of the previous record's first terminator byte, so the true start is past any
/// further `\r`/`\n`; lines are counted from the bytes, once, front to back.
pub(super) struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record the reader placed at byte `offset`.
    pub(super) fn line_of(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            return self.line;
        }
        let span = self.bytes.get(self.at..start).unwrap_or_default();
        for (i, &b) in span.iter().enumerate() {
            let crlf_first_half = b == b'\r' && span.get(i + 1).copied() == Some(b'\n');
            let at_end_cr =
                b == b'\r' && i + 1 == span.len() && self.bytes.get(start) == Some(&b'\n');
            if b == b'\n' || (b == b'\r' && !crlf_first_half && !at_end_cr) {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
    }
}
