//! Tether's phone numbers against an independent implementation: Debian's
//! `python3-phonenumbers` (libphonenumber's Python port) reads the same spellings, with the US
//! as the default region as Tether does, and both must agree on the E.164 number or on refusing
//! it. Skipped with a message only when /usr/bin/python3 lacks the module and
//! TETHER_REQUIRE_REFERENCE is unset.

use serde_json::Value;
use tether_core::casework::Phone;
use tether_tests::python_reference;

/// How sponsors, clinics and consulates write numbers: US, Guatemala, Mexico, the rest of
/// Central America, and numbers whose national part starts with 1 or 9 elsewhere.
const SPELLINGS: &[&str] = &[
    // United States.
    "(713) 555-0142",
    "713-555-0142",
    "713.555.0142",
    "7135550142",
    "1 713 555 0142",
    "+1 713 555 0142",
    "+1 (212) 555-0142",
    "(+1) 212 555 0142",
    "212/555-0142",
    "+12125550142",
    "1-800-555-0199",
    "(832) 555-0177",
    // Guatemala: 8 digits; landlines 2…, mobiles 3…, 4…, 5….
    "+502 2345 6789",
    "+502 2345-6789",
    "(+502) 2345-6789",
    "(+502)5123 4567",
    "+502 5123 4567",
    "+502-4123-4567",
    "+502 3345 6789",
    "+50255551234",
    "+502 7765 4321",
    "+502 2345 678",
    "+502 2345 67890",
    "+502 1234 5678",
    // Mexico.
    "+52 55 1234 5678",
    "+52 1 55 1234 5678",
    "+52 33 1234 5678",
    "+52 81 8123 4567",
    "+52 (998) 123 4567",
    "+52 222 123 4567",
    // El Salvador, Honduras, Nicaragua, Costa Rica, Panama.
    "+503 7123 4567",
    "+503 2234 5678",
    "+504 9876 5432",
    "+504 2234-5678",
    "+505 8123 4567",
    "+506 8312 3456",
    "+507 6123 4567",
    // National parts that start with 1 (a US default region's prefix) or need their region.
    "+86 139 1234 5678",
    "+86 138 0013 8000",
    "+86 10 1234 5678",
    "+55 11 93456 7890",
    "+55 11 3456 7890",
    "+55 21 98765 4321",
    "+51 1 234 5678",
    "+51 912 345 678",
    "+54 11 4321 5678",
    "+54 9 11 4321 5678",
    "+91 11 2345 6789",
    "+91 98765 43210",
    "+44 114 496 0123",
    "+44 20 7946 0018",
    "+44 7700 900123",
    "+57 1 234 5678",
    "+57 310 123 4567",
    "+34 612 34 56 78",
    "+593 2 234 5678",
    "+593 99 123 4567",
    // Refused by both.
    "555-0142",
    "2345 6789",
    "+999 1234 5678",
    "12",
];

const SCRIPT: &str = r#"
import json, sys
import phonenumbers
out = []
for raw in json.load(sys.stdin):
    try:
        n = phonenumbers.parse(raw, "US")
        out.append(phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
                   if phonenumbers.is_valid_number(n) else None)
    except phonenumbers.NumberParseException:
        out.append(None)
print(json.dumps(out))
"#;

#[test]
fn phones_read_as_libphonenumber_reads_them() {
    assert!(SPELLINGS.len() >= 60, "{} spellings", SPELLINGS.len());
    let input = serde_json::to_string(SPELLINGS).expect("JSON");
    let Some(out) = python_reference("phonenumbers", "python3-phonenumbers", SCRIPT, &input) else {
        return;
    };
    let reference: Vec<Value> = serde_json::from_str(&out).expect("a JSON list");
    assert_eq!(reference.len(), SPELLINGS.len());
    let mut disagreements = Vec::new();
    for (raw, theirs) in SPELLINGS.iter().zip(&reference) {
        let ours = Phone::parse(raw).ok().map(|p| p.e164().to_owned());
        let theirs = theirs.as_str().map(str::to_owned);
        if ours != theirs {
            disagreements.push(format!(
                "{raw:?}: Tether {ours:?}, libphonenumber {theirs:?}"
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} spellings read differently:\n{}",
        disagreements.len(),
        SPELLINGS.len(),
        disagreements.join("\n")
    );
    // Both read these, so the comparison is not vacuous.
    let accepted = reference.iter().filter(|r| r.is_string()).count();
    assert!(accepted >= 50, "only {accepted} spellings accepted");
}
