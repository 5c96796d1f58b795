"""Demo content: Kommunen, Praxisbeispiele and profiles in the exchange formats, and images."""
