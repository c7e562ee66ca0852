export function PartnerHome({ municipality, partnerIds }: { municipality: string; partnerIds: string[] }) {
  void [municipality, partnerIds];
  return null;
}
