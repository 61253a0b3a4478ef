//! The key that recognises one sponsor on several rows.

use crate::casework::matching::{name_key, street_key};
use crate::casework::SponsorDraft;

/// The key that merges one sponsor appearing on several rows: folded given + family name,
/// then the first phone's E.164, or (no phone) the normalised street line + 5-digit ZIP,
/// or (neither) the name alone.
pub fn sponsor_key(s: &SponsorDraft) -> String {
    let name = name_key(&s.given_name, &s.family_name);
    if let Some(phone) = s.phones.first() {
        return format!("{name}|tel:{}", phone.e164());
    }
    if let Some(a) = &s.address {
        let zip: String = a.postal_code.chars().take(5).collect();
        return format!("{name}|addr:{} {zip}", street_key(&a.line1));
    }
    name
}
