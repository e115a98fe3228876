"""Electronic signatures of the minutes (PAdES, with pyHanko): the certificate of a signatory read
from a PKCS#12 file or a smart card / USB token (PKCS#11), the visible signatures of the chair and
the secretary in the boxes of the signature block, an RFC 3161 timestamp when a server is set and
answers, the signed files kept in the council's file with their SHA-256 beside the approved
text's, and the verification of any signed PDF. The PDF to sign is drawn by
`ess_desk.documents.minutes_pdf.render`; the callers hand it in."""
