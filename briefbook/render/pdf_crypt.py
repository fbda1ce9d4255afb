"""AES-256 password protection for reportlab (PDF 2.0 standard security handler, revision 6).

reportlab 4.x/5.x offers ``StandardEncryption(strength=256)``, but what it writes
cannot be opened: its /UE and /OE keys come out 48 bytes long instead of 32
(PKCS#7 padding applied on top of already aligned data), so Poppler and pypdf
reject the file; it also implements the weaker revision 5. This module plugs
a correct revision 6 handler into reportlab's encryption hooks
(``prepare``/``register``/``encode``/``info``), using the ``cryptography``
package for AES.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import unicodedata

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase.pdfdoc import PDFObject

from briefbook.errors import BriefBookError

try:  # pragma: no cover - depends on the environment
    from cryptography.hazmat.primitives import padding as _padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
except ImportError:  # pragma: no cover
    Cipher = None

# Permission bits (ISO 32000-2, table 22); bits 7-8 and 13-32 must be 1.
_RESERVED = 0xFFFFF0C0
_PRINT, _MODIFY, _COPY, _ANNOTATE = 1 << 2, 1 << 3, 1 << 4, 1 << 5
_FILL_FORMS, _ACCESSIBILITY, _ASSEMBLE, _PRINT_HQ = 1 << 8, 1 << 9, 1 << 10, 1 << 11


def available() -> bool:
    return Cipher is not None


def _cbc(key: bytes, iv: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def _ecb(key: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def _hash(password: bytes, salt: bytes, udata: bytes = b"") -> bytes:
    """Algorithm 2.B of ISO 32000-2: the hardened password hash of revision 6."""
    k = hashlib.sha256(password + salt + udata).digest()
    i = 0
    while True:
        e = _cbc(k[:16], k[16:32], (password + k + udata) * 64)
        k = (hashlib.sha256, hashlib.sha384, hashlib.sha512)[int.from_bytes(e[:16], "big") % 3](e).digest()
        i += 1
        if i >= 64 and e[-1] <= i - 32:
            return k[:32]


def _password_bytes(password: str) -> bytes:
    # SASLprep is essentially NFKC for passwords people type; PDF keeps the first 127 bytes.
    return unicodedata.normalize("NFKC", password).encode("utf-8")[:127]


class AES256Encryption(StandardEncryption):
    """Drop-in for reportlab's StandardEncryption that writes AES-256 (/V 5 /R 6)."""

    def __init__(self, user_password: str, *, allow_printing: bool = True):
        if not available():
            raise BriefBookError(
                "Password protection needs the 'cryptography' package, which is not installed. "
                "Install it, or export without a password."
            )
        # An owner password nobody knows: with only the user password the permissions hold.
        super().__init__(user_password, secrets.token_hex(16), canPrint=int(allow_printing), strength=128)
        self.revision = 6
        bits = _RESERVED | _MODIFY | _COPY | _ANNOTATE | _FILL_FORMS | _ACCESSIBILITY | _ASSEMBLE
        if allow_printing:
            bits |= _PRINT | _PRINT_HQ
        self.P = bits - (1 << 32)

    def prepare(self, document, overrideID=None):
        if self.prepared:
            raise ValueError("encryption already prepared")
        key = os.urandom(32)
        user, owner = _password_bytes(self.userPassword), _password_bytes(self.ownerPassword)
        uvs, uks, ovs, oks = (os.urandom(8) for _ in range(4))
        self.U = _hash(user, uvs) + uvs + uks
        self.UE = _cbc(_hash(user, uks), bytes(16), key)
        self.O = _hash(owner, ovs, self.U) + ovs + oks
        self.OE = _cbc(_hash(owner, oks, self.U), bytes(16), key)
        perms = (self.P & 0xFFFFFFFF).to_bytes(4, "little") + b"\xff\xff\xff\xffTadb" + os.urandom(4)
        self.Perms = _ecb(key, perms)
        self.key = key
        self.objnum = self.version = None
        self.prepared = 1

    def encode(self, t):
        if not self.prepared:
            raise ValueError("encryption not prepared")
        if isinstance(t, str):
            t = t.encode("latin-1")
        padder = _padding.PKCS7(128).padder()
        data = padder.update(t) + padder.finalize()
        iv = os.urandom(16)
        return iv + _cbc(self.key, iv, data)

    def info(self):
        if not self.prepared:
            raise ValueError("encryption not prepared")
        return _EncryptDict(self)


class _EncryptDict(PDFObject):
    __RefOnly__ = 1

    def __init__(self, enc: AES256Encryption):
        self.enc = enc

    def format(self, document):
        # Formatted with a dummy document: the encryption dictionary itself is never encrypted.
        from reportlab.pdfbase.pdfdoc import DummyDoc, PDFDictionary, PDFName

        e = self.enc

        def hexstr(b: bytes) -> str:
            return "<" + b.hex().upper() + ">"

        filt = PDFDictionary(
            {
                "Type": PDFName("CryptFilter"),
                "CFM": PDFName("AESV3"),
                "AuthEvent": PDFName("DocOpen"),
                "Length": 32,
            }
        )
        d = PDFDictionary(
            {
                "Filter": PDFName("Standard"),
                "V": 5,
                "R": 6,
                "Length": 256,
                "P": e.P,
                "O": hexstr(e.O),
                "U": hexstr(e.U),
                "OE": hexstr(e.OE),
                "UE": hexstr(e.UE),
                "Perms": hexstr(e.Perms),
                "CF": PDFDictionary({"StdCF": filt}),
                "StmF": PDFName("StdCF"),
                "StrF": PDFName("StdCF"),
            }
        )
        return d.format(DummyDoc())
