//! Share links: a gap42 file packed into a URL fragment, so nothing ever reaches a server.
//!
//! # Layouts
//!
//! - Plain: `v1.<base64url(deflate(json))>` — raw DEFLATE (RFC 1951, no zlib header) of the
//!   UTF-8 JSON text, then base64url without padding (RFC 4648 §5). Made by [`encode_fragment`],
//!   read by [`decode_fragment`].
//! - Encrypted: `e1.<base64url(salt ‖ iv ‖ ciphertext)>` with a 16-byte PBKDF2 salt, a 12-byte
//!   AES-GCM IV and the AES-GCM ciphertext including its 16-byte tag. The browser does the
//!   cryptography (WebCrypto); the plaintext it encrypts is [`compress`]`(json)` and what it
//!   decrypts goes through [`decompress`]. [`pack_encrypted`] and [`unpack_encrypted`] do the
//!   byte packing.
//!
//! Decoding is bounded: the fragment may be at most [`MAX_FRAGMENT_CHARS`] characters and
//! inflating stops with an error past [`MAX_IMPORT_BYTES`], so a "zip bomb" link cannot exhaust
//! memory. The decoded JSON still has to go through [`super::json::import`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use super::json::MAX_IMPORT_BYTES;

/// Prefix of a plain (compressed, unencrypted) fragment.
pub const PLAIN_PREFIX: &str = "v1.";

/// Prefix of an encrypted fragment.
pub const ENCRYPTED_PREFIX: &str = "e1.";

/// Length of the PBKDF2 salt in an encrypted fragment.
pub const SALT_LEN: usize = 16;

/// Length of the AES-GCM IV (nonce) in an encrypted fragment.
pub const IV_LEN: usize = 12;

/// Length of the AES-GCM authentication tag at the end of the ciphertext.
pub const TAG_LEN: usize = 16;

/// Longest fragment accepted for decoding (in characters, prefix included): 16 MiB of base64.
/// Browsers cap URLs well below this; the limit only bounds work on hostile input.
pub const MAX_FRAGMENT_CHARS: usize = 16 * 1024 * 1024;

/// DEFLATE level used by [`compress`] (0–10 in miniz_oxide; 9 is zlib's "best").
const LEVEL: u8 = 9;

/// Why a share fragment could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The fragment is empty.
    #[error("the link carries no assessment (its part after # is empty)")]
    Empty,
    /// The fragment does not start with a known prefix.
    #[error("the link is not a gap42 share link, or was made by a newer gap42 (unknown prefix)")]
    UnknownPrefix,
    /// An encrypted fragment was given where a plain one was expected.
    #[error("the link is encrypted: it needs its passphrase")]
    Encrypted,
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`].
    #[error("the link is too long to be a gap42 share link")]
    TooLong,
    /// Not valid base64url.
    #[error("the link is damaged (not valid base64url: {0}); copy it again in full")]
    Base64(String),
    /// The compressed data is damaged.
    #[error("the link is damaged (the compressed data cannot be read); copy it again in full")]
    Inflate,
    /// The data decompresses to more than [`MAX_IMPORT_BYTES`].
    #[error("the link's content is larger than {limit} bytes once unpacked; gap42 refuses it")]
    TooLarge { limit: usize },
    /// The decompressed data is not UTF-8 text.
    #[error("the link's content is not UTF-8 text")]
    NotUtf8,
    /// An encrypted fragment too short to hold salt, IV and tag.
    #[error("the encrypted link is too short to be valid; copy it again in full")]
    Truncated,
}

/// Base64url (RFC 4648 §5) without padding.
pub fn encode_bytes(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decode base64url without padding (trailing `=` padding is tolerated and ignored).
pub fn decode_bytes(s: &str) -> Result<Vec<u8>, ShareError> {
    if s.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong);
    }
    URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .map_err(|e| ShareError::Base64(e.to_string()))
}

/// Raw DEFLATE of the JSON text (the plaintext of both layouts).
pub fn compress(json: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL)
}

/// Inflate raw DEFLATE data to UTF-8 text, refusing output over [`MAX_IMPORT_BYTES`].
pub fn decompress(data: &[u8]) -> Result<String, ShareError> {
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_IMPORT_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                limit: MAX_IMPORT_BYTES,
            },
            _ => ShareError::Inflate,
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)
}

/// Pack a gap42 JSON file into a plain share fragment: `v1.` + base64url(deflate(json)).
pub fn encode_fragment(json: &str) -> String {
    let mut out = String::from(PLAIN_PREFIX);
    out.push_str(&encode_bytes(&compress(json)));
    out
}

/// Unpack a plain share fragment (a leading `#` is ignored) back to the JSON text.
/// Encrypted fragments give [`ShareError::Encrypted`].
pub fn decode_fragment(s: &str) -> Result<String, ShareError> {
    let s = s.strip_prefix('#').unwrap_or(s).trim();
    if s.is_empty() {
        return Err(ShareError::Empty);
    }
    if s.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong);
    }
    if s.starts_with(ENCRYPTED_PREFIX) {
        return Err(ShareError::Encrypted);
    }
    let body = s
        .strip_prefix(PLAIN_PREFIX)
        .ok_or(ShareError::UnknownPrefix)?;
    decompress(&decode_bytes(body)?)
}

/// Whether a fragment (with or without `#`) is an encrypted share link.
pub fn is_encrypted(s: &str) -> bool {
    s.strip_prefix('#')
        .unwrap_or(s)
        .starts_with(ENCRYPTED_PREFIX)
}

/// Pack an encrypted share fragment: `e1.` + base64url(salt ‖ iv ‖ ciphertext).
/// `ciphertext` is AES-GCM output, tag included.
pub fn pack_encrypted(salt: &[u8; SALT_LEN], iv: &[u8; IV_LEN], ciphertext: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(SALT_LEN + IV_LEN + ciphertext.len());
    bytes.extend_from_slice(salt);
    bytes.extend_from_slice(iv);
    bytes.extend_from_slice(ciphertext);
    let mut out = String::from(ENCRYPTED_PREFIX);
    out.push_str(&encode_bytes(&bytes));
    out
}

/// Split an encrypted share fragment (a leading `#` is ignored) into `(salt, iv, ciphertext)`.
/// The ciphertext is at least [`TAG_LEN`] bytes.
#[allow(clippy::type_complexity)]
pub fn unpack_encrypted(s: &str) -> Result<(Vec<u8>, Vec<u8>, Vec<u8>), ShareError> {
    let s = s.strip_prefix('#').unwrap_or(s).trim();
    if s.is_empty() {
        return Err(ShareError::Empty);
    }
    let body = s
        .strip_prefix(ENCRYPTED_PREFIX)
        .ok_or(ShareError::UnknownPrefix)?;
    let bytes = decode_bytes(body)?;
    if bytes.len() < SALT_LEN + IV_LEN + TAG_LEN {
        return Err(ShareError::Truncated);
    }
    let (salt, rest) = bytes.split_at(SALT_LEN);
    let (iv, ct) = rest.split_at(IV_LEN);
    Ok((salt.to_vec(), iv.to_vec(), ct.to_vec()))
}
