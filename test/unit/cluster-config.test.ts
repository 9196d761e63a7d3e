import { clusterPorts, setYamlValue, temporalConfig } from '../../scripts/cluster';

// The shape of the Temporal module's config/development-postgres12.yaml (abridged), comments included.
const template = `persistence:
  defaultStore: postgres-default
  datastores:
    postgres-default:
      sql:
        databaseName: "temporal"
        connectAddr: "127.0.0.1:5432"
        user: "temporal"
        password: "temporal"
    postgres-visibility:
      sql:
        databaseName: "temporal_visibility"
        connectAddr: "127.0.0.1:5432"
        user: "temporal"
        password: "temporal"
global:
  pprof:
    port: 7936
  metrics:
    prometheus:
#      framework: "opentelemetry"
      framework: "tally"
      listenAddress: "127.0.0.1:8000"
services:
  frontend:
    rpc:
      grpcPort: 7233
      membershipPort: 6933
      httpPort: 7243
  matching:
    rpc:
      grpcPort: 7235
      membershipPort: 6935
  history:
    rpc:
      grpcPort: 7234
      membershipPort: 6934
  worker:
    rpc:
      grpcPort: 7239
      membershipPort: 6939
clusterMetadata:
  clusterInformation:
    active:
      rpcAddress: "localhost:7233"
namespaceDefaults:
  archival:
    history:
      URI: "file:///tmp/temporal_archival/development"
    visibility:
      URI: "file:///tmp/temporal_vis_archival/development"
dynamicConfigClient:
  filepath: "config/dynamicconfig/development-sql.yaml"
`;

describe('the cluster configuration, from the Temporal module template', () => {
  it('sets a nested key and leaves same-named keys of other branches alone', () => {
    const yaml = setYamlValue(template, 'persistence.datastores.postgres-visibility.sql.databaseName', 'v');
    expect(yaml).toContain('        databaseName: "temporal"\n');
    expect(yaml).toContain('        databaseName: "v"\n');
    expect(setYamlValue(template, 'services.history.rpc.grpcPort', 9)).toMatch(/history:\n {4}rpc:\n {6}grpcPort: 9\n/);
  });

  it('refuses a key the template does not have, so that development values never stay by accident', () => {
    expect(() => setYamlValue(template, 'services.history.rpc.httpPort', 1)).toThrow('has no services.history.rpc.httpPort');
    expect(() => setYamlValue(template, 'persistence.datastores.postgres-default.sql.maxConns', 1)).toThrow(/has no/);
  });

  it("gives every service this cluster's database, role and ports, and no development port survives", () => {
    const ports = clusterPorts(7400);
    const yaml = temporalConfig(template, { host: '127.0.0.1', port: 5432, user: 'c_temporal', password: '', main: 'c_temporal', visibility: 'c_temporal_visibility' }, ports, '/data/dc.yaml');
    for (const old of ['7233', '7234', '7235', '7239', '6933', '6934', '6935', '6939', '7243', '7936', '8000', '"temporal"', '"temporal_visibility"', 'development']) {
      expect(yaml).not.toContain(old);
    }
    expect(yaml).toContain('rpcAddress: "127.0.0.1:7400"');
    expect(yaml).toContain('filepath: "/data/dc.yaml"');
    expect(new Set(Object.values(ports.membership)).size).toBe(4);
  });
});
