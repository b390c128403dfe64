"""Programme extraction: named policies, campaigns, mechanisms and documents found in article text."""
