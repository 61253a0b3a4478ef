//! The text conversions every table-backed value (country, language, state) shares.

/// Shown as its code, read back with its own `parse`: `Debug`, `Display`, `FromStr`,
/// `TryFrom<String>`, `Into<String>` and a hand-written `Deserialize` (the derive would tie
/// the input's lifetime to the `&'static` table entry).
macro_rules! code_value_conversions {
    ($ty:ident, $err:ty) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($ty), "({})"), self.code())
            }
        }

        impl std::fmt::Display for $ty {
            /// The code; the `name_*` methods are for people.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $err;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $ty::parse(&value)
            }
        }

        impl From<$ty> for String {
            fn from(value: $ty) -> Self {
                value.code().to_owned()
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <String as serde::Deserialize>::deserialize(deserializer)?;
                $ty::parse(&raw).map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use code_value_conversions;
