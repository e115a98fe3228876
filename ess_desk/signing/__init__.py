"""Electronic signatures of the minutes (PAdES, with pyHanko): the certificate of a signatory read
from a PKCS#12 file or a smart card / USB token (PKCS#11), the visible signatures of the chair and
the secretary in the boxes of the signature block, an RFC 3161 timestamp when a server is set and
answers, the signed files kept in the council's file with their SHA-256 beside the approved
text's, and the verification of any signed PDF. The PDF to sign is drawn by
`ess_desk.documents.minutes_pdf.render`; the callers hand it in."""

import warnings

# pyHanko (0.38) imports cryptography's DSA key class, which cryptography 51 deprecates with a
# warning at that import: about pyHanko's code, not ours, and written to the command line's
# error output at the first signature otherwise. Only that message, only from pyHanko's modules.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")
