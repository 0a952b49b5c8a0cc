//! Closed lists of choices (statuses, roles, areas).
//!
//! Every choice in the plan is an enum declared with [`choice!`](crate::choice):
//! it gets a stable key used in files (`snake_case`), a label for people, the
//! list of all variants in display order, and a default. Files store the key;
//! the UI and the Markdown export show the label.

/// Behaviour shared by every choice enum.
pub trait Choice: Copy + Eq + 'static {
    /// All variants, in the order they are offered to people.
    const ALL: &'static [Self];
    /// The key written in plan files.
    fn key(self) -> &'static str;
    /// A short label for people.
    fn label(self) -> &'static str;
    /// The variant for a file key, if there is one.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
}

/// Declares a choice enum: `Name { Variant = "key" : "Label", … } default Variant`.
#[macro_export]
#[doc(hidden)]
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal : $label:literal ),+ $(,)?
        }
        default $default:ident
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $key)]
                #[doc = $label]
                $variant,
            )+
        }

        impl Default for $name {
            fn default() -> $name {
                $name::$default
            }
        }

        impl $crate::choice::Choice for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}
