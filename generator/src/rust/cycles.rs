//! Recursive types: a struct that holds itself, directly or through other structs, in a field
//! that is neither a collection nor a polymorphic enum (both already live on the heap) would
//! have infinite size. Such fields are boxed.
//!
//! The rule: a depth-first search over the structs, in schema order, following their fields in
//! declaration order; every field that leads back to a struct still on the search path closes a
//! cycle and is boxed. Removing those edges leaves no cycle, and the order makes the choice
//! deterministic. A boxed field is boxed in every struct that carries it (the declaring type's
//! and its subtypes'), so a field has one type along an inheritance chain.

use std::collections::BTreeSet;

/// A field that may need a box: it holds struct `to` by value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge<F> {
    pub to: usize,
    pub field: F,
}

/// The fields to box, given `edges[node]` for every struct `node`.
pub fn fields_to_box<F: Clone + Ord>(edges: &[Vec<Edge<F>>]) -> BTreeSet<F> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let mut state = vec![State::New; edges.len()];
    let mut boxed = BTreeSet::new();
    for start in 0..edges.len() {
        if state[start] != State::New {
            continue;
        }
        // An explicit stack of (node, next edge to follow), so deep chains cannot overflow.
        let mut stack = vec![(start, 0)];
        state[start] = State::OnPath;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let Some(edge) = edges[node].get(*next) else {
                state[node] = State::Done;
                stack.pop();
                continue;
            };
            *next += 1;
            match state[edge.to] {
                State::OnPath => {
                    boxed.insert(edge.field.clone());
                }
                State::New => {
                    state[edge.to] = State::OnPath;
                    stack.push((edge.to, 0));
                }
                State::Done => {}
            }
        }
    }
    boxed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(to: usize, field: &'static str) -> Edge<&'static str> {
        Edge { to, field }
    }

    #[test]
    fn boxes_the_fields_that_close_cycles() {
        // 0 holds itself; 1 -> 2 -> 3 -> 1; 3 -> 4 is no cycle.
        let edges = vec![
            vec![edge(0, "a.self"), edge(1, "a.b")],
            vec![edge(2, "b.c")],
            vec![edge(3, "c.d")],
            vec![edge(1, "d.b"), edge(4, "d.e")],
            vec![],
        ];
        let boxed: Vec<_> = fields_to_box(&edges).into_iter().collect();
        assert_eq!(boxed, ["a.self", "d.b"]);
    }

    #[test]
    fn no_cycle_no_box() {
        let edges = vec![vec![edge(1, "a.b")], vec![edge(2, "b.c")], vec![]];
        assert!(fields_to_box(&edges).is_empty());
    }
}
