//! Reading a JSON object into a struct's known fields and keeping the rest verbatim, in one
//! pass. `#[serde(flatten)]` does the same by first copying the whole object into a buffer
//! and reading it again, at every level: on a store of 10,000 highlights that was most of
//! the time taken to open it.

/// Implements `Deserialize` for `$ty`, whose last field is `extra: Extra`: the `required`
/// fields must be present, the `optional` ones take their default when missing, and any
/// other key goes into `extra`.
macro_rules! known_fields_and_extra {
    ($ty:ident, required: [$($req:ident),*], optional: [$($opt:ident = $default:expr),*]) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($ty), ")"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$ty, A::Error> {
                        $(let mut $req = None;)*
                        $(let mut $opt = None;)*
                        let mut extra = $crate::highlights::model::Extra::new();
                        while let Some($crate::highlights::fields::Key(key)) = map.next_key()? {
                            match &*key {
                                $(stringify!($req) => $req = Some(map.next_value()?),)*
                                $(stringify!($opt) => $opt = Some(map.next_value()?),)*
                                _ => {
                                    let value = map.next_value::<serde_json::Value>()?;
                                    extra.insert(key.into_owned(), value);
                                }
                            }
                        }
                        Ok($ty {
                            $($req: $req.ok_or_else(|| {
                                <A::Error as serde::de::Error>::missing_field(stringify!($req))
                            })?,)*
                            $($opt: $opt.unwrap_or_else(|| $default),)*
                            extra,
                        })
                    }
                }
                d.deserialize_map(Fields)
            }
        }
    };
}

pub(crate) use known_fields_and_extra;

use std::borrow::Cow;

/// An object's key, borrowed from the file when it holds no escapes: a store has hundreds of
/// thousands of keys, and only unknown ones are kept.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_string())))
            }
        }
        d.deserialize_str(Visit)
    }
}
