//! Passphrase encryption through the browser's Web Crypto API (no cryptography is written here).
//!
//! - Key: PBKDF2 with SHA-256 over the passphrase (UTF-8 after Unicode NFC normalisation, so the
//!   same passphrase typed on another system gives the same key), a random 16-byte salt and
//!   [`ITERATIONS`] iterations, giving an AES-GCM 256-bit key that cannot be extracted.
//! - Cipher: AES-GCM with a random 12-byte IV and a 128-bit tag.
//! - Randomness: `crypto.getRandomValues`.
//!
//! The result is packed by [`crate::exchange::share::pack_encrypted`] as `e1.` +
//! base64url(salt ‖ iv ‖ ciphertext); [`decrypt`] reads the same layout.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::exchange::share::{pack_encrypted, unpack_encrypted, ShareError, IV_LEN, SALT_LEN};

/// PBKDF2-SHA256 iterations for new encryptions (OWASP's 2023 recommendation).
pub const ITERATIONS: u32 = 600_000;

/// Fewest and most iterations accepted when decrypting a file that names its own count: below is
/// too weak to be ours, above would keep the page busy for minutes.
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// Shortest passphrase accepted for encrypting (in characters).
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Why encryption or decryption did not work.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    /// The browser offers no Web Crypto here (old browser, or a page not served over https).
    #[error("this browser does not offer encryption on this page (Web Crypto needs a secure https page)")]
    Unavailable,
    /// Decryption failed: wrong passphrase, or the data was altered.
    #[error("the passphrase is not correct, or the encrypted data was altered")]
    WrongPassphrase,
    /// The packed data cannot be read.
    #[error("{0}")]
    Damaged(ShareError),
    /// Parameters gap42 does not accept.
    #[error("{0}")]
    Unsupported(String),
    /// Anything else the browser reported.
    #[error("the browser could not complete the operation: {0}")]
    Failed(String),
}

fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let c = crypto()?;
    // `crypto.subtle` is undefined outside secure contexts.
    let s = js_sys::Reflect::get(&c, &JsValue::from_str("subtle"))
        .map_err(|_| CryptoError::Unavailable)?;
    if s.is_undefined() || s.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(s.unchecked_into())
}

/// `N` random bytes from `crypto.getRandomValues` (never a weaker source).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut b = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut b)
        .map_err(|e| CryptoError::Failed(describe(e)))?;
    Ok(b)
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let normalised = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let raw = Uint8Array::new_from_slice(normalised.as_bytes());
    let base = subtle
        .import_key_with_str(
            "raw",
            &raw,
            "PBKDF2",
            false,
            &Array::of1(&JsValue::from_str("deriveKey")),
        )
        .map_err(|e| CryptoError::Failed(describe(e)))?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(|e| CryptoError::Failed(describe(e)))?
        .unchecked_into();
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &Uint8Array::new_from_slice(salt),
    );
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let key = subtle
        .derive_key_with_object_and_object(
            &params,
            &base,
            &AesKeyGenParams::new("AES-GCM", 256),
            false,
            &usages,
        )
        .map_err(|e| CryptoError::Failed(describe(e)))?;
    Ok(JsFuture::from(key)
        .await
        .map_err(|e| CryptoError::Failed(describe(e)))?
        .unchecked_into())
}

fn gcm(iv: &[u8]) -> AesGcmParams {
    AesGcmParams::new("AES-GCM", &Uint8Array::new_from_slice(iv))
}

/// Encrypt `plaintext` under `passphrase` with [`ITERATIONS`]; returns the packed `e1.` text.
pub async fn encrypt(passphrase: &str, plaintext: &[u8]) -> Result<String, CryptoError> {
    let salt: [u8; SALT_LEN] = random_bytes()?;
    let iv: [u8; IV_LEN] = random_bytes()?;
    let key = derive_key(passphrase, &salt, ITERATIONS).await?;
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&gcm(&iv), &key, plaintext)
        .map_err(|e| CryptoError::Failed(describe(e)))?;
    let buf = JsFuture::from(promise)
        .await
        .map_err(|e| CryptoError::Failed(describe(e)))?;
    let ciphertext = Uint8Array::new(&buf).to_vec();
    Ok(pack_encrypted(&salt, &iv, &ciphertext))
}

/// Decrypt packed `e1.` text made with `iterations` PBKDF2 iterations.
pub async fn decrypt(
    passphrase: &str,
    packed: &str,
    iterations: u32,
) -> Result<Vec<u8>, CryptoError> {
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
        return Err(CryptoError::Unsupported(format!(
            "the file asks for {iterations} key-derivation iterations, outside what gap42 accepts ({MIN_ITERATIONS}–{MAX_ITERATIONS})"
        )));
    }
    let (salt, iv, ciphertext) = unpack_encrypted(packed).map_err(CryptoError::Damaged)?;
    let key = derive_key(passphrase, &salt, iterations).await?;
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&gcm(&iv), &key, &ciphertext)
        .map_err(|e| CryptoError::Failed(describe(e)))?;
    // AES-GCM decryption fails (OperationError) exactly when the tag does not verify.
    let buf = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Check a new passphrase and its repetition; the message says what to fix.
pub fn check_new_passphrase(pass: &str, repeat: &str) -> Result<(), String> {
    if pass.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(format!(
            "Use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."
        ));
    }
    if pass != repeat {
        return Err("The two passphrases differ. Type the same passphrase twice.".into());
    }
    Ok(())
}
