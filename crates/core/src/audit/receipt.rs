//! Audit receipts: the chain's length and head at a moment, kept outside the vault.
//!
//! Anyone holding the data key can rewrite the whole chain so that it verifies again (the hash
//! is unkeyed), and removing entries from the end leaves a valid, shorter chain. A receipt
//! taken earlier catches both: the chain must still have the receipt's head at the receipt's
//! position. A chain that has grown since is fine; entries after the receipt are not covered.

use std::fmt;

use serde::Serialize;

/// What a receipt holds: the head hash and, when known, the number of entries it covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Receipt {
    /// Entries the chain had when the receipt was taken (the head's seq). `None`: look the
    /// head up anywhere in the chain.
    pub entries: Option<u64>,
    pub head: [u8; 32],
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error("the head {0:?} is not 64 hexadecimal characters (a SHA-256 hash, as `audit verify` prints it)")]
    BadHead(String),
    #[error("the entry count {0:?} is not a whole number")]
    BadCount(String),
    #[error("the receipt says {combined} entries but --count says {count}")]
    CountsDisagree { combined: u64, count: u64 },
}

impl Receipt {
    /// Reads `<hex>` or `<entries>:<hex>` (the form `audit verify` prints), with an optional
    /// separate count; both counts must agree when both are given.
    pub fn parse(head: &str, count: Option<u64>) -> Result<Receipt, ReceiptError> {
        let head = head.trim();
        let (combined, hex_part) = match head.split_once(':') {
            Some((n, hex)) => {
                let n = n
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| ReceiptError::BadCount(n.to_owned()))?;
                (Some(n), hex.trim())
            }
            None => (None, head),
        };
        let bytes = hex::decode(hex_part).map_err(|_| ReceiptError::BadHead(hex_part.into()))?;
        let head: [u8; 32] = bytes
            .try_into()
            .map_err(|_| ReceiptError::BadHead(hex_part.into()))?;
        let entries = match (combined, count) {
            (Some(a), Some(b)) if a != b => {
                return Err(ReceiptError::CountsDisagree {
                    combined: a,
                    count: b,
                })
            }
            (a, b) => a.or(b),
        };
        Ok(Receipt { entries, head })
    }

    /// Checks a chain (already verified link by link) against the receipt; `hashes` are the
    /// entries' hashes in chain order. Returns the seq of the entry that holds the head.
    pub fn check(&self, hashes: &[[u8; 32]]) -> Result<u64, ReceiptMismatch> {
        let head = hex::encode(self.head);
        let now = hashes.len() as u64;
        match self.entries {
            Some(n) if n > now => Err(ReceiptMismatch::Truncated {
                receipt_entries: n,
                entries: now,
                head,
            }),
            Some(0) => Err(ReceiptMismatch::Rewritten { seq: 0, head }),
            Some(n) => {
                let index = usize::try_from(n - 1).unwrap_or(usize::MAX);
                match hashes.get(index) {
                    Some(h) if *h == self.head => Ok(n),
                    _ => Err(ReceiptMismatch::Rewritten { seq: n, head }),
                }
            }
            None => hashes
                .iter()
                .position(|h| *h == self.head)
                .map(|i| i as u64 + 1)
                .ok_or(ReceiptMismatch::NotFound { entries: now, head }),
        }
    }
}

impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entries {
            Some(n) => write!(f, "{n}:{}", hex::encode(self.head)),
            None => f.write_str(&hex::encode(self.head)),
        }
    }
}

/// How the chain fails a receipt. Each names the first entry that no longer matches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ReceiptMismatch {
    /// Fewer entries than the receipt covered: the first missing one is `entries + 1`.
    #[error(
        "audit entry #{} differs from the receipt: the chain has {entries} entries but the \
         receipt covered {receipt_entries} (head {head}); entries #{} to #{receipt_entries} were removed",
        entries + 1,
        entries + 1
    )]
    Truncated {
        receipt_entries: u64,
        entries: u64,
        head: String,
    },
    /// The entry at the receipt's position has another hash: it or an entry before it was
    /// rewritten (the hash alone cannot say which).
    #[error(
        "audit entry #{seq} differs from the receipt: it no longer has head {head}, so it or an \
         entry before it was rewritten"
    )]
    Rewritten { seq: u64, head: String },
    /// No entry has the receipt's head (a receipt without a count).
    #[error(
        "no audit entry of the {entries} has the receipt's head {head}: entries up to it were \
         rewritten or removed (give the receipt's count to name the entry)"
    )]
    NotFound { entries: u64, head: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(n: u8) -> Vec<[u8; 32]> {
        (1..=n).map(|i| [i; 32]).collect()
    }

    #[test]
    fn a_receipt_reads_in_both_forms() {
        let hex = hex::encode([3u8; 32]);
        let plain = Receipt::parse(&hex, None).expect("plain");
        assert_eq!((plain.entries, plain.head), (None, [3; 32]));
        let combined = Receipt::parse(&format!("3:{hex}"), None).expect("combined");
        assert_eq!(combined.entries, Some(3));
        assert_eq!(combined.to_string(), format!("3:{hex}"));
        assert_eq!(Receipt::parse(&hex, Some(3)), Ok(combined));
        assert!(matches!(
            Receipt::parse(&format!("3:{hex}"), Some(4)),
            Err(ReceiptError::CountsDisagree { .. })
        ));
        assert!(matches!(
            Receipt::parse("abc", None),
            Err(ReceiptError::BadHead(_))
        ));
        assert!(matches!(
            Receipt::parse(&format!("x:{hex}"), None),
            Err(ReceiptError::BadCount(_))
        ));
    }

    #[test]
    fn a_grown_chain_still_holds_the_receipt() {
        let receipt = Receipt {
            entries: Some(3),
            head: [3; 32],
        };
        assert_eq!(receipt.check(&hashes(3)), Ok(3));
        assert_eq!(receipt.check(&hashes(9)), Ok(3));
        let anywhere = Receipt {
            entries: None,
            head: [3; 32],
        };
        assert_eq!(anywhere.check(&hashes(9)), Ok(3));
    }

    #[test]
    fn a_truncated_chain_names_the_first_missing_entry() {
        let receipt = Receipt {
            entries: Some(5),
            head: [5; 32],
        };
        let err = receipt.check(&hashes(3)).expect_err("truncated");
        assert!(matches!(err, ReceiptMismatch::Truncated { entries: 3, .. }));
        assert!(
            err.to_string().starts_with("audit entry #4 differs"),
            "{err}"
        );
    }

    #[test]
    fn a_rewritten_chain_names_the_receipts_entry() {
        let receipt = Receipt {
            entries: Some(3),
            head: [3; 32],
        };
        let mut rewritten = hashes(6);
        rewritten[1] = [0xee; 32];
        rewritten[2] = [0xef; 32];
        let err = receipt.check(&rewritten).expect_err("rewritten");
        assert_eq!(
            err.to_string().split(':').next(),
            Some("audit entry #3 differs from the receipt")
        );
        let anywhere = Receipt {
            entries: None,
            head: [3; 32],
        };
        assert!(matches!(
            anywhere.check(&rewritten),
            Err(ReceiptMismatch::NotFound { entries: 6, .. })
        ));
    }
}
