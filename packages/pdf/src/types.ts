export type Lang = 'nl' | 'fr' | 'en' | 'de';

export type Company = {
  name: string;
  addressLines: string[];
  phone: string;
  email: string | null;
  website: string;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  certificates: Array<{ kind: string; number: string }>;
  /** PNG or JPEG bytes. */
  logo: Buffer | null;
  footer: string;
};

export type Party = {
  name: string;
  addressLines: string[];
  customerNumber?: string | null;
  enterpriseNumber?: string | null;
  vatNumber?: string | null;
};

export type InstallationKind = 'refrigeration' | 'air_conditioning' | 'heat_pump' | 'heating';

export type InstallationSummary = {
  reference: string;
  kind: InstallationKind | null;
  brand: string;
  model: string;
  serialNumber: string;
  refrigerant: string | null;
  chargeKg: number | null;
  co2eTonnes: number | null;
  hermeticallySealed: boolean | null;
  leakDetectionSystem: boolean | null;
  coolingCapacityKw: number | null;
  heatingFuel: 'gas' | 'liquid' | 'solid' | 'other' | null;
  heatingCapacityKw: number | null;
  commissionedOn: string | null;
  token: string;
  location: string;
  building: string | null;
};

export type ActivityType =
  | 'commissioning'
  | 'leak_check'
  | 'leak_repair'
  | 'refrigerant_added'
  | 'refrigerant_recovered'
  | 'maintenance'
  | 'repair'
  | 'measurements'
  | 'heating_maintenance'
  | 'heating_audit'
  | 'energy_inspection'
  | 'decommissioning';

export type Combustion = Partial<
  Record<
    | 'co2Percent'
    | 'o2Percent'
    | 'coPpm'
    | 'flueGasTemperatureC'
    | 'ambientTemperatureC'
    | 'efficiencyPercent'
    | 'draughtPa',
    number | null
  >
>;

export type ActivityLine = {
  installation: string;
  type: ActivityType;
  result?: 'no_leak' | 'leak_found' | null;
  method?: string | null;
  leakLocation?: string | null;
  refrigerant?: string | null;
  quantityKg?: number | null;
  co2eTonnes?: number | null;
  cylinder?: string | null;
  recycled?: boolean | null;
  description?: string | null;
  measurements?: Array<{ name: string; value: number; unit: string }>;
  cleaned?: boolean | null;
  combustion?: Combustion | null;
  notes?: string | null;
};

export type Person = { name: string; certificateNumber?: string | null };

export type Signature = {
  role: 'customer' | 'technician';
  signerName: string;
  image: Buffer;
  signedAt: string;
};

export type WorkOrderDocument = {
  lang: Lang;
  company: Company;
  customer: Party;
  number: number;
  status: 'to_be_executed' | 'executed' | 'cancelled';
  plannedOn: string | null;
  executedOn: string | null;
  executor: Person | null;
  installations: InstallationSummary[];
  activities: ActivityLine[];
  notes: string;
  labels: string[];
  products: Array<{ name: string; quantity: number; unit: string }>;
  signatures: Signature[];
  generatedAt: string;
};

export type CertificateKind = 'leak_check' | 'heating_maintenance' | 'heating_audit' | 'energy_inspection';

export type CertificateDocument = {
  lang: Lang;
  kind: CertificateKind;
  company: Company;
  customer: Party;
  installation: InstallationSummary;
  activity: ActivityLine;
  workOrderNumber: number;
  executedOn: string;
  executor: Person | null;
  nextDue: { dueOn: string; explanation: string } | null;
  generatedAt: string;
};

export type InstructionCardDocument = {
  lang: Lang;
  company: Company;
  customer: Party;
  installation: InstallationSummary;
  components: Array<{ kind: string; brand: string; model: string; serialNumber: string }>;
  portalUrl: string;
  generatedAt: string;
};

export type LogbookEntry = {
  date: string;
  workOrderNumber: number;
  executor: string | null;
  activities: ActivityLine[];
};

export type LogbookDocument = {
  lang: Lang;
  company: Company;
  customer: Party;
  installation: InstallationSummary;
  entries: LogbookEntry[];
  leakLoss: { percent: number; limitPercent: number | null } | null;
  digest: string;
  previousDigest: string | null;
  verifyUrl: string;
  generatedAt: string;
};
