export function AdvisorHome({ municipality, neighbourhoodIds }: { municipality: string; neighbourhoodIds: string[] }) {
  void [municipality, neighbourhoodIds];
  return null;
}
