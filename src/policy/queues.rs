//! Queues of obligations that may still be pending, by key (an obligation
//! id, with its stage or not), shared by the escalation engine and the
//! Resolution Group: a record finds the duty it marks without scanning the
//! others.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

/// Queues of obligation indexes by key, oldest first. The keys are a
/// policy's own obligation ids (with their stages), found by hashing: a
/// definition may have hundreds of obligations at each of dozens of
/// stages, and an event looks a key up for each duty it may set off, so a
/// lookup costs the same whatever the size of the policy. Each queue is a
/// chain through `next` (one link per obligation), so a case costs no
/// allocation per key beyond the map.
#[derive(Debug)]
pub(crate) struct Queues<K> {
    /// Each key with the first and last index of its chain.
    keys: HashMap<K, (usize, usize)>,
    /// For each obligation index pushed, the next index of its key's chain.
    next: Vec<usize>,
}

/// The end of a chain.
const NONE: usize = usize::MAX;

impl<K> Default for Queues<K> {
    fn default() -> Self {
        Queues {
            keys: HashMap::new(),
            next: Vec::new(),
        }
    }
}

impl<K: Hash + Eq> Queues<K> {
    /// Adds obligation `index` (the next one: indexes come in order) at the
    /// end of `key`'s queue.
    pub(crate) fn push(&mut self, key: K, index: usize) {
        debug_assert_eq!(index, self.next.len());
        self.next.push(NONE);
        match self.keys.entry(key) {
            Entry::Occupied(mut entry) => {
                let (head, tail) = entry.get_mut();
                if *head == NONE {
                    *head = index;
                } else {
                    self.next[*tail] = index;
                }
                *tail = index;
            }
            Entry::Vacant(entry) => {
                entry.insert((index, index));
            }
        }
    }

    /// The queue of `key`, to read and take from.
    pub(crate) fn get_mut<Q>(&mut self, key: &Q) -> Option<Queue<'_>>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let (head, tail) = self.keys.get_mut(key)?;
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
