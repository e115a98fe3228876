"""Publication of what a body decided: the list of decisions of each meeting (CGCT L. 2121-25),
the signed minutes (L. 2121-15), their deadlines, the ACTES subject codes and the open-data file of
the decisions (SCDL « Délibérations »). The PDFs are drawn in `ess_desk.documents`, the folder is
written by `ess_desk.exchange.publication_folder`."""
