//! The one conversion between the store's 64-bit ids and the window's 32-bit ones, and the
//! one for counts.

/// A store id the window cannot hold: JavaScript would round a 64-bit id, so every IPC id is
/// a `u32`, and a larger one is refused rather than passed on as some other record's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("record id {0} does not fit the window's 32-bit ids")]
pub struct IdOutOfRange(pub i64);

/// A store id as the window sees it.
pub fn ipc_id(id: i64) -> Result<u32, IdOutOfRange> {
    u32::try_from(id).map_err(|_| IdOutOfRange(id))
}

/// An id from the window as the store takes it (every `u32` is a valid `i64`).
pub fn store_id(id: u32) -> i64 {
    i64::from(id)
}

/// A count for display (rows read, pages, progress). Unlike an id, a count past `u32::MAX`
/// (never seen in practice) is shown as that maximum: it names no record.
pub fn count32(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

/// Converts every item of a store list, refusing the whole list if one id does not fit.
pub fn convert_all<T, U: TryFrom<T>>(items: Vec<T>) -> Result<Vec<U>, U::Error> {
    items.into_iter().map(U::try_from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_fit_round_trip_and_others_are_refused() {
        assert_eq!(ipc_id(0), Ok(0));
        assert_eq!(ipc_id(42), Ok(42));
        assert_eq!(ipc_id(i64::from(u32::MAX)), Ok(u32::MAX));
        assert_eq!(store_id(u32::MAX), i64::from(u32::MAX));
        assert_eq!(ipc_id(store_id(7)), Ok(7));

        let past = i64::from(u32::MAX) + 1;
        assert_eq!(ipc_id(past), Err(IdOutOfRange(past)));
        assert_eq!(ipc_id(-1), Err(IdOutOfRange(-1)));
        assert_eq!(ipc_id(i64::MAX), Err(IdOutOfRange(i64::MAX)));
        assert_eq!(
            IdOutOfRange(past).to_string(),
            "record id 4294967296 does not fit the window's 32-bit ids"
        );
    }

    #[test]
    fn counts_saturate() {
        assert_eq!(count32(12usize), 12);
        assert_eq!(count32(u64::MAX), u32::MAX);
        assert_eq!(count32(usize::MAX), u32::MAX);
    }

    #[test]
    fn one_bad_id_refuses_the_whole_list() {
        #[derive(Debug, PartialEq)]
        struct Row(u32);
        impl TryFrom<i64> for Row {
            type Error = IdOutOfRange;
            fn try_from(id: i64) -> Result<Self, Self::Error> {
                ipc_id(id).map(Row)
            }
        }
        assert_eq!(
            convert_all::<i64, Row>(vec![1, 2]),
            Ok(vec![Row(1), Row(2)])
        );
        assert_eq!(
            convert_all::<i64, Row>(vec![1, 1 << 40, 3]),
            Err(IdOutOfRange(1 << 40))
        );
    }
}
