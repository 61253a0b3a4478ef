//! Dates as printed: the long form in English and Spanish.

use chrono::{Datelike, NaiveDate};

use super::template_data::Localized;

/// `Tuesday, March 3, 2026` / `martes, 3 de marzo de 2026`.
pub fn long_date(day: NaiveDate) -> Localized {
    const DIAS: [&str; 7] = [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    const MESES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    Localized {
        en: day.format("%A, %B %-d, %Y").to_string(),
        es: format!(
            "{}, {} de {} de {}",
            DIAS[day.weekday().num_days_from_monday() as usize],
            day.day(),
            MESES[day.month0() as usize],
            day.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap_or_default();
        let d = long_date(day);
        assert_eq!(d.en, "Wednesday, March 4, 2026");
        assert_eq!(d.es, "miércoles, 4 de marzo de 2026");
    }
}
