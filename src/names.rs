//! serde for the library's named values (policy, form and event ids, case
//! states, levels): each is written as its JSON name, and read back from
//! it, refusing any other string without repeating it.

/// `Serialize` as `as_str()`, `Deserialize` through `FromStr`.
macro_rules! serde_by_name {
    ($($ty:ty),* $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                name.parse::<$ty>().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

pub(crate) use serde_by_name;
