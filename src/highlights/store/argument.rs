//! Giving highlights a role in the argument and linking them to one another.

use super::Store;
use crate::highlights::model::{Extra, Highlight, Link};
use crate::highlights::{Color, HighlightId, LinkKind, Role, StoreError};

impl Store {
    /// Gives a highlight `role` (or none) and saves. A role implies its colour, `color_of`
    /// it, unless the user chose a colour: one that is neither the default nor the colour the
    /// previous role implied stays.
    pub fn set_role(
        &mut self,
        id: &HighlightId,
        role: Option<Role>,
        color_of: impl Fn(Role) -> Color,
    ) -> Result<(), StoreError> {
        self.edit(id, |a, _| {
            if let Some(new) = role
                && !chosen_color(a, &color_of)
            {
                a.color = color_of(new).name().to_string();
            }
            a.role = role.map(|r| r.name().to_string());
        })
    }

    /// Links highlight `from` to `to` (`from` supports, opposes or answers `to`) and saves; a
    /// link from `from` to `to` already there takes the new kind. `to` may be in any article
    /// of the store but must be a live highlight other than `from`.
    pub fn link(
        &mut self,
        from: &HighlightId,
        to: &HighlightId,
        kind: LinkKind,
    ) -> Result<(), StoreError> {
        let refuse = |reason| StoreError::BadLink {
            from: from.0.clone(),
            to: to.0.clone(),
            reason,
        };
        if from == to {
            return Err(refuse("a highlight cannot be linked to itself"));
        }
        match self.annotation(to) {
            None => return Err(StoreError::NotFound(to.0.clone())),
            Some(a) if a.deleted_at.is_some() => return Err(refuse("the target was deleted")),
            Some(_) => {}
        }
        self.edit(from, |a, _| {
            a.links.retain(|l| l.target != to.0);
            a.links.push(Link {
                target: to.0.clone(),
                kind: kind.name().to_string(),
                extra: Extra::new(),
            });
        })
    }

    /// Removes the link from `from` to `to`, if any, and saves.
    pub fn unlink(&mut self, from: &HighlightId, to: &HighlightId) -> Result<(), StoreError> {
        self.edit(from, |a, _| a.links.retain(|l| l.target != to.0))
    }
}

/// Whether the user chose `a`'s colour: neither the default one nor the one its role implies.
fn chosen_color(a: &Highlight, color_of: &impl Fn(Role) -> Color) -> bool {
    let current = Color::from_name(&a.color);
    let implied = a.role.as_deref().and_then(Role::from_name).map(color_of);
    current != Some(Color::default()) && current != implied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::highlights::{Store, find_quote};

    fn store_with_two() -> (tempfile::TempDir, Store, HighlightId, HighlightId) {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = Store::open(&dir.path().join("annotations.json")).unwrap();
        let text = b"A title\n\nOne claim here. One fact there.\n";
        let article = Article::from_bytes(text, Some(std::path::Path::new("a.txt"))).unwrap();
        let doc = store.document(&article);
        let at = |quote| find_quote(&article, quote, None).unwrap();
        let a = store.add(&doc, &article, at("One claim here."), Color::Yellow, "");
        let b = store.add(&doc, &article, at("One fact there."), Color::Green, "");
        let (a, b) = (a.unwrap(), b.unwrap());
        (dir, store, a, b)
    }

    #[test]
    fn issue18_a_role_implies_its_colour_unless_one_was_chosen() {
        let (_dir, mut store, a, b) = store_with_two();
        store
            .set_role(&a, Some(Role::Claim), Role::default_color)
            .unwrap();
        store
            .set_role(&b, Some(Role::Evidence), |_| Color::Purple)
            .unwrap();
        let color = |s: &Store, id| s.annotation(id).unwrap().color.clone();
        assert_eq!(
            color(&store, &a),
            "blue",
            "default yellow takes the claim's colour"
        );
        assert_eq!(color(&store, &b), "green", "a chosen green stays");
        store
            .set_role(&a, Some(Role::Question), Role::default_color)
            .unwrap();
        assert_eq!(
            color(&store, &a),
            "purple",
            "the implied colour follows the role"
        );
        assert_eq!(
            store.annotation(&a).unwrap().role.as_deref(),
            Some("question")
        );
    }

    #[test]
    fn issue18_links_are_kept_by_id_and_refuse_self_and_unknown_targets() {
        let (_dir, mut store, a, b) = store_with_two();
        store.link(&b, &a, LinkKind::Supports).unwrap();
        store.link(&b, &a, LinkKind::Opposes).unwrap();
        let links = &store.annotation(&b).unwrap().links;
        assert_eq!(links.len(), 1, "one link per target: {links:?}");
        assert_eq!(
            (links[0].target.as_str(), links[0].kind.as_str()),
            (&*a.0, "opposes")
        );
        assert!(store.link(&a, &a, LinkKind::Supports).is_err());
        let ghost = HighlightId("01NOPE".into());
        assert!(matches!(
            store.link(&a, &ghost, LinkKind::Supports),
            Err(StoreError::NotFound(_))
        ));
        store.unlink(&b, &a).unwrap();
        assert!(store.annotation(&b).unwrap().links.is_empty());
    }
}
