//! A hearing reminder the case manager sends from their own phone: the text (date, time,
//! court and its address, what to bring) from the same hearing and court data as the printed
//! notice, in English or Spanish, and `sms:` and WhatsApp links that open it addressed to the
//! sponsor. Tether sends nothing; `Session::record_reminder` keeps that it was prepared.
//!
//! Short enough for one SMS where possible: Spanish letters the basic SMS alphabet (GSM 03.38)
//! lacks (á, í, ó, ú) are written without the accent, which every reader understands and which
//! keeps a message at 160 characters rather than 70.

use chrono::NaiveDate;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use tether_render::printables::{Lang, PrintHearing};
use tether_store::casework::ChildView;
use tether_store::legal::ReminderView;
use tether_store::Session;

use crate::from_views::next_hearing;

#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    #[error(transparent)]
    Store(#[from] tether_store::StoreError),
    /// The field and why: `hearing` (none ahead), `phone` (no working number), `lang`.
    #[error("{field}: {reason}")]
    Missing { field: &'static str, reason: String },
}

/// The characters of the GSM 03.38 basic alphabet (one septet each).
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ!\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// `á` → `a` and the like, for the letters the basic SMS alphabet lacks.
fn fold_for_sms(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' => 'a',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            'Á' => 'A',
            'Í' => 'I',
            'Ó' => 'O',
            'Ú' => 'U',
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect()
}

/// `gsm-7` or `ucs-2`, and how many messages `text` takes.
pub fn sms_parts(text: &str) -> (&'static str, usize) {
    let n = text.chars().count();
    if text.chars().all(|c| GSM_BASIC.contains(c)) {
        ("gsm-7", if n <= 160 { 1 } else { n.div_ceil(153) })
    } else {
        ("ucs-2", if n <= 70 { 1 } else { n.div_ceil(67) })
    }
}

/// The reminder's words for `lang`, from the hearing as the notice prints it.
pub fn reminder_text(
    given_name: &str,
    hearing: &PrintHearing,
    court_name: &str,
    court_address: &[String],
    lang: Lang,
) -> String {
    // The street address finds the court; its long name would take a second message.
    let address = match court_address {
        [] => court_name.to_owned(),
        lines => lines.join(", "),
    };
    let text = match lang {
        Lang::Es => format!(
            "{given_name} tiene corte de inmigración el {} a las {}: {address}. Lleve la NTA e identificación.",
            hearing.date.es, hearing.time.es
        ),
        _ => format!(
            "{given_name} has immigration court on {} at {}: {address}. Bring the NTA and ID.",
            hearing.date.en, hearing.time.en
        ),
    };
    fold_for_sms(&text)
}

/// Builds the reminder for the child's next hearing on or after `today`, to the sponsor's
/// first working number.
pub fn reminder_for(
    view: &ChildView,
    lang: Lang,
    today: NaiveDate,
) -> Result<ReminderView, ReminderError> {
    let missing = |field, reason: &str| ReminderError::Missing {
        field,
        reason: reason.to_owned(),
    };
    let hearing = next_hearing(&view.hearings, today)
        .ok_or_else(|| missing("hearing", "the child has no hearing ahead to remind of"))?;
    let court = view
        .court
        .as_ref()
        .ok_or_else(|| missing("court", "the case has no immigration court recorded"))?;
    let phone = view
        .sponsor
        .as_ref()
        .and_then(|s| {
            s.phones
                .iter()
                .find(|p| !s.phones_not_working.iter().any(|n| &n.phone == *p))
                .cloned()
        })
        .ok_or_else(|| missing("phone", "the sponsor has no working number"))?;
    let text = reminder_text(
        &view.given_name,
        &hearing,
        &court.name,
        &court.address,
        lang,
    );
    let (encoding, parts) = sms_parts(&text);
    let body = utf8_percent_encode(&text, NON_ALPHANUMERIC).to_string();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    Ok(ReminderView {
        child_id: view.id,
        case_number: view.case_number.clone(),
        lang: match lang {
            Lang::Es => "es",
            _ => "en",
        }
        .to_owned(),
        length: text.chars().count(),
        encoding: encoding.to_owned(),
        sms_parts: parts,
        sms_link: format!("sms:{phone}?body={body}"),
        whatsapp_link: format!("https://wa.me/{digits}?text={body}"),
        phone,
        hearing_at: format!("{} {}", hearing.date_iso, hearing.time.es),
        court: court.name.clone(),
        text,
    })
}

/// Prepares the reminder for `child` and records that it was prepared (history and audit).
pub fn prepare_reminder(
    session: &mut Session,
    child: &str,
    lang: &str,
) -> Result<ReminderView, ReminderError> {
    let lang = match lang.trim() {
        "en" => Lang::En,
        "es" => Lang::Es,
        other => {
            return Err(ReminderError::Missing {
                field: "lang",
                reason: format!("\"{other}\" is not one of en, es"),
            })
        }
    };
    session.authorize_reminders()?;
    let view = session.show_child(child)?;
    let reminder = reminder_for(&view, lang, session.today())?;
    session.record_reminder(
        view.id,
        &reminder.lang,
        reminder.length,
        &reminder.hearing_at,
    )?;
    Ok(reminder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hearing() -> Option<PrintHearing> {
        PrintHearing::from_local("2027-01-12 09:00", Some("America/Chicago"), "master")
    }

    #[test]
    fn the_spanish_reminder_fits_one_sms_without_losing_its_words() {
        let Some(h) = hearing() else {
            panic!("a readable hearing")
        };
        let address = vec![
            "1919 Smith Street, Suite 800".to_owned(),
            "Houston, TX 77002".to_owned(),
        ];
        let es = reminder_text("José", &h, "Houston", &address, Lang::Es);
        assert!(es.contains("martes, 12 de enero de 2027"), "{es}");
        assert!(es.contains("José"), "é is in the SMS alphabet: {es}");
        assert!(es.contains("inmigracion"), "ó is folded: {es}");
        assert_eq!(sms_parts(&es).0, "gsm-7", "{es}");
        let en = reminder_text("José", &h, "Houston", &address, Lang::En);
        assert!(en.contains("Tuesday, January 12, 2027 at 9:00 AM"), "{en}");
        assert_eq!(
            sms_parts(&en),
            ("gsm-7", if en.chars().count() <= 160 { 1 } else { 2 })
        );
    }

    #[test]
    fn message_counts_follow_the_sms_limits() {
        assert_eq!(sms_parts(&"a".repeat(160)), ("gsm-7", 1));
        assert_eq!(sms_parts(&"a".repeat(161)), ("gsm-7", 2));
        assert_eq!(sms_parts(&"a".repeat(306)), ("gsm-7", 2));
        assert_eq!(sms_parts(&"a".repeat(307)), ("gsm-7", 3));
        assert_eq!(sms_parts(&"ó".repeat(70)), ("ucs-2", 1));
        assert_eq!(sms_parts(&"ó".repeat(71)), ("ucs-2", 2));
    }
}
