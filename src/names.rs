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

serde_by_name!(
    crate::policy::PolicyId,
    crate::policy::EventType,
    crate::policy::CaseState,
    crate::policy::Seniority,
    crate::forms::FormId,
);

#[cfg(test)]
mod tests {
    use crate::forms::FormId;
    use crate::policy::{CaseState, EventType, PolicyId, Seniority};

    #[test]
    fn names_go_to_json_and_back() {
        for id in PolicyId::ALL {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<PolicyId>(&json).unwrap(), id);
        }
        for form in FormId::ALL {
            let json = serde_json::to_string(&form).unwrap();
            assert_eq!(json, format!("\"{}\"", form.as_str()));
            assert_eq!(serde_json::from_str::<FormId>(&json).unwrap(), form);
        }
        for t in EventType::ALL {
            let back: EventType = serde_json::from_value(serde_json::to_value(t).unwrap()).unwrap();
            assert_eq!(back, t);
        }
        for c in CaseState::ALL {
            let back: CaseState = serde_json::from_value(serde_json::to_value(c).unwrap()).unwrap();
            assert_eq!(back, c);
        }
        for l in Seniority::ALL {
            let back: Seniority = serde_json::from_value(serde_json::to_value(l).unwrap()).unwrap();
            assert_eq!(back, l);
        }
    }

    #[test]
    fn an_unknown_name_is_refused_without_repeating_it() {
        let error = serde_json::from_str::<PolicyId>("\"Jane Doe\"").unwrap_err();
        assert!(!error.to_string().contains("Jane"), "{error}");
        assert!(
            error.to_string().contains("swindon-resolution-2026"),
            "{error}"
        );
        let error = serde_json::from_str::<FormId>("\"Jane Doe\"").unwrap_err();
        assert!(!error.to_string().contains("Jane"), "{error}");
        assert!(serde_json::from_str::<EventType>("3").is_err());
    }
}
