//! The Sponsors list a page at a time, as the window asks for it: every page together is the
//! whole list in its order, and a name or a number narrows it as typing does.

mod common;

use common::Clinic;
use tether_store::casework::{SponsorPage, SponsorView};
use tether_store::Session;

const PAGE: u32 = 23;

fn every_page(s: &mut Session, query: &str) -> (SponsorPage, Vec<SponsorView>) {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let page = s
            .list_sponsors_page(query, offset, PAGE)
            .expect("a page of sponsors");
        let n = page.items.len();
        all.extend(page.items.iter().cloned());
        offset += PAGE;
        if n < PAGE as usize {
            return (page, all);
        }
    }
}

fn folded(text: &str) -> String {
    tether_core::casework::matching::fold_text(text)
}

#[test]
fn the_sponsors_page_by_page_are_the_whole_list_and_typing_narrows_them() {
    let (_clinic, mut staff) = Clinic::new();
    let marta = common::open_case(&mut staff.admin).sponsor_id;
    staff
        .admin
        .import_demo(150, 3, &mut |_, _| {})
        .expect("demo cases");
    for s in [&mut staff.admin, &mut staff.volunteer] {
        let whole = s.list_sponsors().expect("every sponsor");
        assert!(whole.len() > 50);
        let (last, paged) = every_page(s, "");
        assert_eq!(paged, whole, "the pages in the list's order");
        assert_eq!(last.total as usize, whole.len());
        assert_eq!(last.active as usize, whole.len());

        // A name, typed without its accents and in another case.
        let (last, found) = every_page(s, "RAMIREZ marta");
        assert_eq!(
            found.iter().map(|v| v.id).collect::<Vec<_>>(),
            vec![marta],
            "Marta Ramírez López"
        );
        assert_eq!(last.total, 1);
        assert_eq!(last.active as usize, whole.len());

        // A family name many demo sponsors share: exactly the ones whose name holds it.
        let family = folded(&whole[whole.len() / 2].family_name);
        let word = family.split(' ').next().unwrap_or_default().to_owned();
        let expected: Vec<SponsorView> = whole
            .iter()
            .filter(|v| folded(&format!("{} {}", v.given_name, v.family_name)).contains(&word))
            .cloned()
            .collect();
        let (last, found) = every_page(s, &word);
        assert!(!expected.is_empty());
        assert_eq!(found, expected, "sponsors named {word}");
        assert_eq!(last.total as usize, expected.len());

        // A number as it is written on a notice: Marta's sister's Guatemalan one.
        let (_, found) = every_page(s, "5512 3456");
        assert_eq!(found.iter().map(|v| v.id).collect::<Vec<_>>(), vec![marta]);
        let (_, found) = every_page(s, "(713) 555-0142");
        assert!(found.iter().any(|v| v.id == marta));
        assert!(found
            .iter()
            .all(|v| v.phones.iter().any(|p| p.contains("7135550142"))));

        // Punctuation names no one (folding reads it as a space), so LIKE's own signs never
        // reach the query as patterns: "%_" is the whole list, "ram%rez" is "ram rez".
        let (last, _) = every_page(s, "%_");
        assert_eq!(last.total as usize, whole.len());
        let (_, found) = every_page(s, "ram%rez marta");
        assert_eq!(found.iter().map(|v| v.id).collect::<Vec<_>>(), vec![marta]);
    }
    let err = staff
        .admin
        .list_sponsors_page("", 0, 0)
        .expect_err("a page of nothing");
    assert!(err.to_string().contains("limit"), "{err}");
}
