//! Every row of every rule table carries its source, and a table with a row that has none is
//! refused: a rule nobody can trace does not ship.

use super::*;

/// The file's text with the `source` cell of data row `n` (0-based) emptied.
fn without_source(text: &str, n: usize) -> String {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    let column = headers
        .iter()
        .position(|h| h == "source")
        .unwrap_or_else(|| panic!("a source column in {headers:?}"));
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(&headers).unwrap_or_default();
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap_or_default();
        let cells: Vec<&str> = record
            .iter()
            .enumerate()
            .map(|(c, v)| if i == n && c == column { "" } else { v })
            .collect();
        writer.write_record(&cells).unwrap_or_default();
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[test]
fn every_shipped_row_has_a_source() {
    let book = RuleBook::embedded();
    for rule in book.rules().all() {
        assert!(!rule.source.trim().is_empty(), "rule {:?}", rule.id);
    }
    let states = book.states().rows();
    assert_eq!(states.len(), 56, "50 states, DC and 5 territories");
    for row in states {
        assert!(!row.source.trim().is_empty(), "{:?}", row.state);
    }
    for h in book.hazardous().all() {
        assert!(!h.source.trim().is_empty(), "HO {}", h.order);
    }
    for q in book.questions().all() {
        assert!(!q.source.trim().is_empty(), "{:?}", q.id);
    }
}

#[test]
fn a_row_without_a_source_is_refused_in_every_table() {
    let [(_, rules), (_, states), (_, hazardous), (_, questions)] = RuleBook::embedded_sources();
    // The third data row of each file, on line 4 (the header is line 1).
    let cases = [
        RuleBook::parse(&without_source(rules, 2), states, hazardous, questions),
        RuleBook::parse(rules, &without_source(states, 2), hazardous, questions),
        RuleBook::parse(rules, states, &without_source(hazardous, 2), questions),
        RuleBook::parse(rules, states, hazardous, &without_source(questions, 2)),
    ];
    for (i, parsed) in cases.into_iter().enumerate() {
        let err = parsed.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            err.contains("line 4") && err.contains("source"),
            "file {i}: {err:?}"
        );
    }
}
