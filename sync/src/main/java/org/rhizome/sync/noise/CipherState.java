package org.rhizome.sync.noise;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jspecify.annotations.Nullable;

/**
 * Noise CipherState (noise spec §5.1) for ChaChaPoly: a key and a 64-bit nonce, encoded as 4 zero bytes
 * then the counter little-endian (§12.3). Confined to one thread.
 */
final class CipherState {
    static final int TAG_LENGTH = 16;
    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    private final byte[] nonceBytes = new byte[12];
    private @Nullable KeyParameter key;
    private long nonce;

    void initializeKey(byte[] k) {
        key = new KeyParameter(k);
        nonce = 0;
    }

    boolean hasKey() {
        return key != null;
    }

    byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (key == null) {
            return plaintext.clone();
        }
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        encrypt(ad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** Encrypts {@code len} bytes at {@code in[off]} into {@code out[outOff]}; writes len + 16 bytes. */
    void encrypt(byte @Nullable [] ad, byte[] in, int off, int len, byte[] out, int outOff) {
        init(true, ad);
        int n = aead.processBytes(in, off, len, out, outOff);
        try {
            aead.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
        if (key == null) {
            return ciphertext.clone();
        }
        if (ciphertext.length < TAG_LENGTH) {
            throw new NoiseException("ciphertext shorter than its tag");
        }
        byte[] out = new byte[ciphertext.length - TAG_LENGTH];
        decrypt(ad, ciphertext, 0, ciphertext.length, out);
        return out;
    }

    /** Decrypts and authenticates; returns the plaintext length written to {@code out}. */
    int decrypt(byte @Nullable [] ad, byte[] in, int off, int len, byte[] out) {
        init(false, ad);
        int n = aead.processBytes(in, off, len, out, 0);
        try {
            return n + aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new NoiseException("Noise frame failed authentication");
        }
    }

    private void init(boolean forEncryption, byte @Nullable [] ad) {
        if (nonce == -1L) {
            throw new NoiseException("Noise nonce exhausted");
        }
        long n = nonce++;
        for (int i = 0; i < 8; i++) {
            nonceBytes[4 + i] = (byte) (n >>> (8 * i));
        }
        aead.init(forEncryption, new AEADParameters(key, TAG_LENGTH * 8, nonceBytes, ad));
    }
}
