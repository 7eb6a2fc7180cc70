"""Event coding: each verb matched to a verb pattern (`patterns`, data/verbs.yaml) and a CAMEO
code (`codebook`, data/cameo.tsv), dropped or recoded by what did not happen (`modality`),
given a source and a target (`targets`), dated and placed (`coder.extract_events`)."""
