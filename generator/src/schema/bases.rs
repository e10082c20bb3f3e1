//! Resolved bases: the base of each type as the schema settles it (from what its pages state,
//! what its rows inherit, its key and where responses put it), apart from the stated bases of
//! [`super::index::TypeEntry`], which are only what the pages say. Every phase after the bases
//! are resolved asks its questions of chains here: ancestors, depth, whether one type derives
//! from another.

/// The resolved base of each type of the index, by id.
#[derive(Debug, Clone)]
pub(super) struct Bases {
    base_of: Vec<Option<usize>>,
}

impl Bases {
    pub fn new(base_of: Vec<Option<usize>>) -> Self {
        Bases { base_of }
    }

    pub fn base_of(&self, id: usize) -> Option<usize> {
        self.base_of[id]
    }

    pub fn set(&mut self, id: usize, base: Option<usize>) {
        self.base_of[id] = base;
    }

    /// Every type's base, by id.
    pub fn iter(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.base_of.iter().copied()
    }

    /// `id` and its ancestors, nearest first.
    pub fn ancestors(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        chain(id, |ty| self.base_of[ty], self.base_of.len())
    }

    /// Whether `ty` is `ancestor` or derives from it.
    pub fn derives_from(&self, ty: usize, ancestor: usize) -> bool {
        self.ancestors(ty).any(|a| a == ancestor)
    }

    /// How many ancestors `id` has below `stop` (all of them when its chain does not reach
    /// `stop`). A chain caught in a cycle counts as long as the walk's bound, longer than any
    /// other.
    pub fn depth(&self, id: usize, stop: usize) -> usize {
        self.ancestors(id)
            .skip(1)
            .take_while(|&ty| ty != stop)
            .count()
    }

    /// For each type, the types whose base it is, by id.
    pub fn subtypes(&self) -> Vec<Vec<usize>> {
        let mut subtypes = vec![Vec::new(); self.base_of.len()];
        for (id, base) in self.iter().enumerate() {
            if let Some(base) = base {
                subtypes[base].push(id);
            }
        }
        subtypes
    }
}

/// `start` and the bases above it as `base_of` gives them, nearest first: the one walk up a
/// chain of bases, resolved or stated. It stops after `bound` types (the number of types):
/// cycles among resolved bases are broken before any phase walks them, but stated bases may
/// still hold one.
pub(super) fn chain(
    start: usize,
    base_of: impl Fn(usize) -> Option<usize>,
    bound: usize,
) -> impl Iterator<Item = usize> {
    std::iter::successors(Some(start), move |&ty| base_of(ty)).take(bound)
}
