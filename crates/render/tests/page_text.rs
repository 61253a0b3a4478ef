//! Each page's text (what the preview gives a screen reader) is what is printed: the same
//! document's words, in reading order, checked against an independent reader of the PDF
//! (`pdftotext` from poppler-utils).
#![allow(clippy::unwrap_used)]

mod support;

use std::process::{Command, Stdio};

use support::*;
use tether_render::printables::{CaseSheet, Lang, Layout, Printable, Printer, Rendered};

/// A notice with accents and an eñe everywhere they can be: the name, the address, the court.
fn accented_case() -> CaseSheet {
    CaseSheet {
        child_name: "José Ramírez Núñez".into(),
        address: vec!["Pasaje Ñuñoa 1450".into(), "Houston, TX 77401".into()],
        court_name: Some("Houston - S. Gessner Road (Ñuñoa)".into()),
        ..full_case()
    }
}

fn compile(lang: Lang, layout: Layout) -> Rendered {
    Printer::shipped()
        .compile(
            &job(Printable::Notice, lang, layout),
            std::slice::from_ref(&accented_case()),
        )
        .unwrap()
}

fn all_pages(rendered: &Rendered) -> Vec<String> {
    (0..rendered.page_count())
        .map(|i| rendered.page_text(i).unwrap())
        .collect()
}

#[test]
fn each_page_reads_like_the_printed_notice() {
    let rendered = compile(Lang::Both, Layout::Pages);
    let pages = all_pages(&rendered);
    assert!(pages.len() >= 2, "one copy per language: {pages:?}");
    assert_eq!(rendered.page_text(pages.len()), None, "past the last page");

    let english = &pages[0];
    let lines: Vec<&str> = english.lines().collect();
    // The table reads label then value, one row a line, as printed.
    for line in [
        "Child José Ramírez Núñez",
        "A-Number A123-456-789",
        "Court Houston - S. Gessner Road (Ñuñoa)",
        "Date Wednesday, March 4, 2026 (2026-03-04)",
        "Time 9:30 AM CST (court's local time)",
        "This is not an official government form.",
    ] {
        assert!(lines.contains(&line), "no line {line:?} in:\n{english}");
    }
    // Reading order: the title before the facts, the facts before what to bring.
    let at = |needle: &str| {
        english
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in:\n{english}"))
    };
    assert!(at("Your immigration court hearing") < at("José Ramírez Núñez"));
    assert!(at("José Ramírez Núñez") < at("What to bring"));
    assert!(at("What to bring") < at("If you do not go"));
    assert!(
        !english.contains("Audiencia"),
        "English page only:\n{english}"
    );

    let spanish = pages
        .iter()
        .find(|p| p.contains("Su audiencia en la corte de inmigración"))
        .unwrap_or_else(|| panic!("a Spanish page in {pages:?}"));
    let lines: Vec<&str> = spanish.lines().collect();
    for line in [
        "Menor José Ramírez Núñez",
        "Corte Houston - S. Gessner Road (Ñuñoa)",
        "Fecha miércoles, 4 de marzo de 2026 (2026-03-04)",
        "Tipo de audiencia Audiencia preliminar (master calendar)",
        "Este no es un formulario oficial del gobierno.",
    ] {
        assert!(lines.contains(&line), "no line {line:?} in:\n{spanish}");
    }
}

#[test]
fn side_by_side_pages_have_both_languages() {
    let rendered = compile(Lang::Both, Layout::SideBySide);
    let first = rendered.page_text(0).unwrap();
    for needle in [
        "José Ramírez Núñez",
        "Wednesday, March 4, 2026",
        "miércoles, 4 de marzo de 2026",
        "Houston - S. Gessner Road (Ñuñoa)",
        "What to bring",
        "Qué llevar",
    ] {
        assert!(first.contains(needle), "no {needle:?} in:\n{first}");
    }
    // Each column keeps its own lines: a heading is not run into its translation.
    assert!(
        first.lines().any(|l| l == "What to bring") && first.lines().any(|l| l == "Qué llevar"),
        "{first}"
    );
}

/// `pdftotext` is there, or (after saying so) the comparison is skipped; with
/// `TETHER_REQUIRE_REFERENCE` set a missing `pdftotext` fails.
fn have_pdftotext() -> bool {
    let found = Command::new("pdftotext")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("TETHER_REQUIRE_REFERENCE").is_none(),
            "pdftotext is missing: install poppler-utils (make system-deps does)"
        );
        eprintln!(
            "SKIPPED: pdftotext is missing (install poppler-utils, or set \
             TETHER_REQUIRE_REFERENCE=1 to make this a failure)"
        );
    }
    found
}

/// The words of `text`, sorted: the same words in any order compare equal.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    words.sort();
    words
}

#[test]
fn the_page_text_has_the_same_words_as_the_pdf() {
    if !have_pdftotext() {
        return;
    }
    for (lang, layout) in VARIANTS {
        let rendered = compile(lang, layout);
        let pdf = rendered.pdf().unwrap();
        for (i, text) in all_pages(&rendered).iter().enumerate() {
            let printed = pdftotext(&pdf, Some((i + 1, i + 1)));
            assert_eq!(
                words(text),
                words(&printed),
                "{lang:?} {layout:?} page {}:\nours:\n{text}\npdftotext:\n{printed}",
                i + 1
            );
        }
    }
}
