//! Queues of obligations that may still be pending, by key (an obligation
//! id, with its stage or not), shared by the escalation engine and the
//! Resolution Group: a record finds the duty it marks without scanning the
//! others.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

/// Queues of obligation indexes by key, oldest first. The keys are a
/// policy's own obligation ids (with their stages). A case of a real policy
/// meets a handful of keys, found fastest by scanning a short list; a
/// definition may have hundreds of obligations at each of dozens of stages,
/// so past [`SCANNED_KEYS`] keys an index by (keyed, so a definition cannot
/// choose its collisions) hash finds them, and a lookup costs the same
/// whatever the size of the policy. Each queue is a chain
/// through `next` (one link per obligation), so a case costs no allocation
/// per key beyond the list.
#[derive(Debug)]
pub(crate) struct Queues<K> {
    /// Each key with the first and last index of its chain, in the order
    /// first pushed.
    keys: Vec<(K, usize, usize)>,
    /// Each key's place in `keys`, once there are more than
    /// [`SCANNED_KEYS`].
    index: Option<HashMap<K, usize>>,
    /// For each obligation index pushed, the next index of its key's chain.
    next: Vec<usize>,
}

/// The most keys looked up by scanning, before an index by hash is built.
const SCANNED_KEYS: usize = 16;

/// The end of a chain.
const NONE: usize = usize::MAX;

impl<K> Default for Queues<K> {
    fn default() -> Self {
        Queues {
            keys: Vec::new(),
            index: None,
            next: Vec::new(),
        }
    }
}

impl<K> Queues<K> {
    /// Makes room for `entries` more entries, and keys for as many (up to
    /// the number scanned), before either list grows.
    pub(crate) fn reserve(&mut self, entries: usize) {
        self.keys.reserve(entries.min(SCANNED_KEYS));
        self.next.reserve(entries);
    }
}

impl<K: Hash + Eq + Clone> Queues<K> {
    /// Adds obligation `index` (the next one: indexes come in order) at the
    /// end of `key`'s queue.
    pub(crate) fn push(&mut self, key: K, index: usize) {
        debug_assert_eq!(index, self.next.len());
        self.next.push(NONE);
        match self.position(&key) {
            Some(at) => {
                let (_, head, tail) = &mut self.keys[at];
                if *head == NONE {
                    *head = index;
                } else {
                    self.next[*tail] = index;
                }
                *tail = index;
            }
            None => {
                let at = self.keys.len();
                if let Some(map) = &mut self.index {
                    map.insert(key.clone(), at);
                } else if at == SCANNED_KEYS {
                    let mut map: HashMap<K, usize> = self
                        .keys
                        .iter()
                        .enumerate()
                        .map(|(i, (k, _, _))| (k.clone(), i))
                        .collect();
                    map.insert(key.clone(), at);
                    self.index = Some(map);
                }
                self.keys.push((key, index, index));
            }
        }
    }

    /// Where `key` is in `keys`.
    fn position<Q>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        match &self.index {
            Some(map) => map.get(key).copied(),
            None => self.keys.iter().position(|(k, _, _)| k.borrow() == key),
        }
    }

    /// The queue of `key`, to read and take from.
    pub(crate) fn get_mut<Q>(&mut self, key: &Q) -> Option<Queue<'_>>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let at = self.position(key)?;
        let (_, head, tail) = &mut self.keys[at];
        Some(Queue {
            head,
            tail,
            next: &self.next,
        })
    }
}

/// One key's queue of obligation indexes.
pub(crate) struct Queue<'a> {
    head: &'a mut usize,
    tail: &'a mut usize,
    next: &'a [usize],
}

impl Queue<'_> {
    /// Whether an entry is still pending, dropping from the front those
    /// that are not (done or lapsed through another queue): each entry is
    /// dropped once, so a case's queues cost time linear in its log.
    pub(crate) fn has_pending(&mut self, pending: impl Fn(usize) -> bool) -> bool {
        while *self.head != NONE {
            if pending(*self.head) {
                return true;
            }
            self.pop_front();
        }
        false
    }

    /// The oldest entry still pending, taken off the queue.
    pub(crate) fn take_pending(&mut self, pending: impl Fn(usize) -> bool) -> Option<usize> {
        while let Some(index) = self.pop_front() {
            if pending(index) {
                return Some(index);
            }
        }
        None
    }

    fn pop_front(&mut self) -> Option<usize> {
        let first = *self.head;
        if first == NONE {
            return None;
        }
        *self.head = self.next[first];
        if *self.head == NONE {
            *self.tail = NONE;
        }
        Some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::Queues;

    /// The same answers whether keys are scanned (a few) or indexed (many):
    /// each key's entries come back oldest first, and only its own.
    #[test]
    fn keys_are_found_alike_by_scanning_and_by_index() {
        for count in [3_usize, super::SCANNED_KEYS, super::SCANNED_KEYS + 1, 200] {
            let names: Vec<String> = (0..count).map(|k| format!("duty-{k}")).collect();
            let mut queues: Queues<&str> = Queues::default();
            let mut index = 0;
            for round in 0..3 {
                for name in &names {
                    queues.push(name.as_str(), index);
                    index += 1;
                }
                assert_eq!(
                    queues.index.is_some(),
                    count > super::SCANNED_KEYS,
                    "{round}"
                );
            }
            for (k, name) in names.iter().enumerate() {
                let mut queue = queues.get_mut(name.as_str()).unwrap();
                let taken: Vec<usize> =
                    std::iter::from_fn(|| queue.take_pending(|_| true)).collect();
                assert_eq!(taken, vec![k, k + count, k + 2 * count], "{count} keys");
            }
            assert!(queues.get_mut("no-such-duty").is_none());
        }
    }
}
