//! The built-in policies: definition documents in `data/policies/`,
//! embedded and loaded once.

use std::sync::LazyLock;

use super::{Policy, PolicyId};

/// The definition documents, as shipped.
pub(crate) fn document(id: PolicyId) -> &'static str {
    match id {
        PolicyId::GscpEscalation2021 => {
            include_str!("../../data/policies/gscp-escalation-2021.json")
        }
        PolicyId::SwindonResolution2026 => {
            include_str!("../../data/policies/swindon-resolution-2026.json")
        }
        PolicyId::NsscpIssueResolution2025 => {
            include_str!("../../data/policies/nsscp-issue-resolution-2025.json")
        }
    }
}

fn load(id: PolicyId) -> Policy {
    // A test loads every built-in document (`builtin_documents_load`): this
    // cannot fail on the documents the crate ships.
    let value = serde_json::from_str(document(id)).expect("a built-in definition is JSON");
    match super::load::load(&value, true) {
        Ok(policy) => policy,
        Err(error) => panic!("the built-in definition of {id} does not load: {error}"),
    }
}

static GSCP: LazyLock<Policy> = LazyLock::new(|| load(PolicyId::GscpEscalation2021));
static SWINDON: LazyLock<Policy> = LazyLock::new(|| load(PolicyId::SwindonResolution2026));
static NSSCP: LazyLock<Policy> = LazyLock::new(|| load(PolicyId::NsscpIssueResolution2025));

pub(crate) fn get(id: PolicyId) -> &'static Policy {
    match id {
        PolicyId::GscpEscalation2021 => &GSCP,
        PolicyId::SwindonResolution2026 => &SWINDON,
        PolicyId::NsscpIssueResolution2025 => &NSSCP,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_documents_load_and_write_back_unchanged() {
        for id in PolicyId::ALL {
            let policy = get(id);
            assert_eq!(policy.id, id.as_str());
            // The writer gives back the shipped document, byte for byte.
            assert_eq!(policy.to_definition_json(), document(id), "{id}");
        }
    }
}
