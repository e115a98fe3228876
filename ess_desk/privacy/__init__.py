"""Personal data (RGPD): a person's whole file, the retention review, anonymisation."""
